import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiKey, issuePasswordResetLink, revokeApiKey, rotateApiKey, setUserPlan } from '@storra/api'
import { RESET_REQUESTS_PER_EMAIL } from '@storra/core'
import { buildOpenApiDocument } from '../../src/openapi/document.ts'
import { DocumentValidator } from '../../src/openapi/document-ajv.ts'
import { startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'
import {
  createTestSigningKey,
  githubSignatureHeaders,
  writeSigningKeysFile,
  type TestSigningKey,
} from '../../src/testing-secret-scanning.ts'
import { createStorraClient } from '../../examples/client-api.ts'
import {
  checkResponse,
  CookieJar,
  documentedOperations,
  send,
  type DocumentedOperation,
  type RawRequest,
  type RawResponse,
} from './document-conformance.ts'
import { sampleSchema, schemaViolations, type JsonSchema } from './schema-arbitrary.ts'
import { SmtpInbox } from '../../src/testing/smtp-inbox.ts'
import { StripeStandIn } from '../../src/testing/stripe-stand-in.ts'

// Every documented operation is driven with requests generated from the document's own schemas
// (valid and invalid, with and without credentials, of the right and the wrong plan), and every
// answer must be documented: its status for that operation, its headers and its body schema.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

const SEED = 20_261_129
const PASSWORD = 'a-long-password' // the documented examples' password, so they can succeed
const MAX_ACTIVE_KEYS = 8
const KEY_RATE_LIMIT = 5 // per second, so a burst meets the documented 429
const LOGIN_LIMITS = { failuresPerEmail: 5, failuresPerIp: 30, windowSeconds: 600 }
const LEAK_REPORTS_PER_HOUR = 5 // per IP; each generated report comes from its own address, a burst from one
const PUBLIC_PREFIX = '/api/v1/public/'

// These change or end sessions; they run last, in this order, so the rest runs signed in.
const LAST = ['changePassword', 'login', 'logoutEverywhere', 'logout']

// Not reachable with a healthy database; database-outage.test.ts covers the 503 answers.
const UNREACHED_HERE = new Set(['503'])
// This server has Stripe and SMTP configured; billing.test.ts and password-reset.test.ts cover
// the answers of a server without them.
const UNREACHED_OPERATION_STATUSES = new Set([
  'startCheckout 404',
  'openBillingPortal 404',
  'stripeWebhook 404',
  'requestPasswordReset 404',
])

const headerText = fc.stringMatching(/^[\x21-\x7e]{0,48}$/)

describe.each(testDatabaseTargets())('every documented operation on $name answers as documented', (target) => {
  const document = buildOpenApiDocument()
  const validator = new DocumentValidator(document)
  let server: TestServer
  const jars = { pro: new CookieJar(), free: new CookieJar() }
  const keys = { pro: '', free: '', revoked: '', spare: '', editable: '', rotatable: '', rotating: '' }
  // GitHub's signing key (in the keys file) and one GitHub never published.
  const github = createTestSigningKey()
  const stranger = createTestSigningKey()
  const keysFile = writeSigningKeysFile([github])
  let reporter = 0
  // The server trusts loopback's X-Forwarded-For, so each leak report can come from its own address.
  const nextReporter = () => `198.18.${Math.floor(++reporter / 250)}.${(reporter % 250) + 1}`
  let resetToken = ''
  let stripe: StripeStandIn
  let inbox: SmtpInbox

  beforeAll(async () => {
    stripe = await new StripeStandIn().start()
    inbox = await new SmtpInbox().start()
    server = await startTestServer(target, {
      http: { trustProxy: 'loopback' },
      limits: {
        maxActiveKeys: MAX_ACTIVE_KEYS,
        keyRequestsPerSecond: KEY_RATE_LIMIT,
        login: LOGIN_LIMITS,
        leakReportsPerIpPerHour: LEAK_REPORTS_PER_HOUR,
      },
      secretScanning: { keysFile: keysFile.file },
      stripe: stripe.settings(),
      mail: { url: inbox.url, from: 'Storra <no-reply@example.com>' },
    })
    const services = server.services
    const pro = await server.createUser({ email: 'pro@example.com', password: PASSWORD, plan: 'pro' })
    const free = await server.createUser({ email: 'free@example.com', password: PASSWORD, plan: 'pro' })
    await server.createUser({ email: 'you@example.com', password: PASSWORD, plan: 'pro' }) // the login example
    keys.pro = (await createApiKey(services, pro.id, 'pro')).key
    keys.spare = (await createApiKey(services, pro.id, 'to revoke over HTTP')).prefix
    keys.editable = (await createApiKey(services, pro.id, 'to edit over HTTP')).prefix
    // Rotated once (200), then already being replaced (409).
    keys.rotatable = (await createApiKey(services, pro.id, 'to rotate over HTTP')).prefix
    // Being replaced: an edit of its expires_at is refused (409).
    keys.rotating = (await createApiKey(services, pro.id, 'rotating, to edit over HTTP')).prefix
    await rotateApiKey(services, pro.id, keys.rotating, { grace_period_seconds: 3600 })
    const revoked = await createApiKey(services, pro.id, 'revoked')
    await revokeApiKey(services, pro.id, revoked.prefix)
    keys.revoked = revoked.key
    // A key of an account that was Pro and no longer is: valid, but the plan refuses it.
    keys.free = (await createApiKey(services, free.id, 'free')).key
    await setUserPlan(services, { userId: free.id }, 'free')
    const forgetful = await server.createUser({ email: 'forgetful@example.com', password: PASSWORD })
    resetToken = new URL((await issuePasswordResetLink(services, { userId: forgetful.id })).url).hash.slice(7)
    for (const [jar, email] of [
      [jars.pro, pro.email],
      [jars.free, free.email],
    ] as const) {
      const res = await send(server.url, {
        method: 'POST',
        path: '/api/v1/dashboard/login',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
        jar,
      })
      expect(res.status).toBe(200)
      expect(jar.cookie).toMatch(/^storra_session=/)
    }
  })
  afterAll(async () => {
    await server?.dispose()
    keysFile.remove()
    await stripe?.stop()
    await inbox?.stop()
  })

  function requestBodySchema(op: DocumentedOperation): JsonSchema | undefined {
    return op.operation.requestBody?.content?.['application/json']?.schema as JsonSchema | undefined
  }

  /** Concrete paths for the operation: generated path parameters, plus a real key's prefix. */
  function pathsFor(op: DocumentedOperation, count: number): string[] {
    const params = ((op.operation.parameters ?? []) as Json[]).filter((p) => p.in === 'path')
    if (params.length === 0) return [op.path]
    const generated = Array.from({ length: count }, (_, i) => {
      let path = op.path
      for (const param of params) {
        // A path segment is never empty, `.` or `..` (URLs normalise those away).
        const values = sampleSchema(param.schema as JsonSchema, document, count * 3, SEED + i).filter(
          (v) => typeof v === 'string' && v !== '' && v !== '.' && v !== '..',
        ) as string[]
        path = path.replace(`{${param.name}}`, encodeURIComponent(values[i % values.length] ?? 'sk_00000000'))
      }
      return path
    })
    const realPrefixes: Record<string, string> = {
      revokeApiKey: keys.spare,
      updateApiKey: keys.editable,
      rotateApiKey: keys.rotatable,
      getApiKeyUsage: keys.editable,
    }
    const real = realPrefixes[String(op.operation.operationId)]
    return real ? [op.path.replace('{prefix}', real), ...generated] : generated
  }

  interface Identity {
    name: string
    headers?: Record<string, string>
    jar?: CookieJar
    /** Signs the body as GitHub does (secret-scanning alerts). */
    signer?: TestSigningKey
  }

  function identities(op: DocumentedOperation): Identity[] {
    if (op.operation.operationId === 'githubSecretScanningAlert') {
      return [{ name: 'unsigned' }, { name: 'GitHub', signer: github }, { name: 'a stranger', signer: stranger }]
    }
    const security = (op.operation.security ?? []) as Json[]
    const cookie = security.some((s) => 'SessionCookie' in s)
    if (!cookie) return [{ name: 'anonymous' }]
    return [
      { name: 'anonymous' },
      { name: 'bearer', headers: { authorization: `Bearer ${keys.pro}` } },
      { name: 'pro session', jar: jars.pro },
      { name: 'free session', jar: jars.free },
    ]
  }

  /** The requests for one operation: documented examples first, then generated and broken ones. */
  function casesFor(op: DocumentedOperation): (RawRequest & { name: string })[] {
    const method = op.method.toUpperCase()
    const schema = requestBodySchema(op)
    const paths = pathsFor(op, 6)
    const write = op.method !== 'get'
    const dashboard = op.path.startsWith('/api/v1/dashboard')
    const leaks = op.path.startsWith(PUBLIC_PREFIX)
    const json = { 'content-type': 'application/json' }
    const cases: (RawRequest & { name: string })[] = []
    if (op.operation.operationId === 'resetPassword') {
      const body = JSON.stringify({ token: resetToken, password: 'a new long password' })
      cases.push({ name: 'a real reset link', method, path: op.path, headers: json, body })
    }
    if (op.operation.operationId === 'updateApiKey') {
      // A rotating key's end is its grace period's: the documented 409.
      const path = op.path.replace('{prefix}', keys.rotating)
      const body = JSON.stringify({ expires_at: null })
      cases.push({ name: 'expires_at of a rotating key', method, path, headers: json, body, jar: jars.pro })
    }
    if (op.operation.operationId === 'requestPasswordReset') {
      // Past the per-email limit: the documented 429.
      const body = JSON.stringify({ email: 'burst@example.com' })
      for (let i = 0; i <= RESET_REQUESTS_PER_EMAIL; i++)
        cases.push({ name: `burst #${i}`, method, path: op.path, headers: json, body })
    }
    const signed = (who: Identity, body: string | undefined) =>
      who.signer ? githubSignatureHeaders(who.signer, body ?? '') : {}
    const forEachIdentity = (name: string, make: (path: string) => RawRequest) => {
      for (const [i, path] of paths.entries()) {
        for (const who of identities(op)) {
          const req = make(path)
          cases.push({
            ...req,
            name: `${name} #${i} as ${who.name}`,
            headers: { ...req.headers, ...who.headers, ...signed(who, req.body) },
            jar: who.jar,
          })
        }
      }
    }
    if (schema) {
      const examples = (
        typeof schema === 'object' && Array.isArray(schema.examples) ? schema.examples : []
      ) as unknown[]
      const valid = sampleSchema(schema, document, op.operation.operationId === 'login' ? 40 : 10, SEED)
      const anyJson = fc.sample(fc.jsonValue(), { numRuns: 8, seed: SEED })
      const base = (examples[0] ?? valid.find((v) => typeof v === 'object' && v !== null) ?? {}) as Record<
        string,
        unknown
      >
      const invalid = schemaViolations(schema, document, base)
      for (const [kind, bodies] of [
        ['example', examples],
        ['valid', valid],
        ['schema-violating', invalid],
        ['any JSON', anyJson],
      ] as const) {
        for (const [i, body] of bodies.entries()) {
          for (const who of identities(op)) {
            const text = JSON.stringify(body)
            cases.push({
              name: `${kind} body #${i} as ${who.name}`,
              method,
              path: paths[i % paths.length]!,
              headers: { ...json, ...who.headers, ...signed(who, text) },
              body: text,
              jar: who.jar,
            })
          }
        }
      }
      if (op.operation.requestBody?.required !== true) forEachIdentity('no body', (path) => ({ method, path }))
    } else {
      forEachIdentity('plain', (path) => ({ method, path }))
    }
    if (dashboard) {
      const path = paths[0]!
      const jar = jars.pro
      cases.push(
        { name: 'invalid JSON', method, path, headers: json, body: '{"oops', jar },
        {
          name: 'body over 16 KB',
          method,
          path,
          headers: json,
          body: JSON.stringify({ label: 'x'.repeat(20_000) }),
          jar,
        },
        {
          name: 'latin-1 charset',
          method,
          path,
          headers: { 'content-type': 'application/json; charset=latin1' },
          body: '{}',
          jar,
        },
      )
      if (write) {
        cases.push(
          { name: 'text/plain body', method, path, headers: { 'content-type': 'text/plain' }, body: 'hello', jar },
          {
            name: 'foreign Origin',
            method,
            path,
            headers: { ...json, origin: 'https://evil.example' },
            body: '{}',
            jar,
          },
        )
      }
    }
    if (leaks) {
      const path = paths[0]!
      const signedByGithub = (body: string) =>
        op.operation.operationId === 'githubSecretScanningAlert' ? githubSignatureHeaders(github, body) : {}
      const large = JSON.stringify({ credentials: ['x'.repeat(1_100_000)] })
      cases.push(
        { name: 'invalid JSON', method, path, headers: { ...json, ...signedByGithub('{"oops') }, body: '{"oops' },
        { name: 'body over 1 MB', method, path, headers: json, body: large },
        {
          name: 'latin-1 charset',
          method,
          path,
          headers: { 'content-type': 'application/json; charset=latin1', ...signedByGithub('[]') },
          body: '[]',
        },
        { name: 'unknown Content-Encoding', method, path, headers: { ...json, 'content-encoding': 'x' }, body: '{}' },
      )
      // Each from its own address, as the throttle would otherwise answer them all; then a burst from one.
      for (const c of cases) c.headers = { ...c.headers, 'x-forwarded-for': nextReporter() }
      if (op.operation.operationId === 'reportLeakedCredentials') {
        const body = JSON.stringify({ credentials: [keys.revoked] })
        for (let i = 0; i <= LEAK_REPORTS_PER_HOUR; i++) {
          cases.push({ name: `burst #${i}`, method, path, headers: { ...json, 'x-forwarded-for': '198.19.0.1' }, body })
        }
      }
    }
    return cases
  }

  it('for every request generated from the document', async () => {
    const failures: string[] = []
    const seen = new Map<string, Set<string>>()
    const record = (op: DocumentedOperation, name: string, response: RawResponse) => {
      const id = op.operation.operationId as string
      if (!seen.has(id)) seen.set(id, new Set())
      seen.get(id)!.add(String(response.status))
      const problem = checkResponse(validator, ['paths', op.path, op.method, 'responses'], response)
      if (problem) failures.push(`${op.method.toUpperCase()} ${op.path} (${name}): ${problem}`)
      // The documented Allow is the one the server sends.
      const allow = op.operation.responses['405']?.headers?.Allow?.schema?.examples?.[0]
      if (response.status === 405 && response.headers.allow !== allow) {
        failures.push(
          `${op.method.toUpperCase()} ${op.path} (${name}): Allow ${String(response.headers.allow)}, documented ${allow}`,
        )
      }
    }

    const operations = documentedOperations(document)
    const ordered = [
      ...operations.filter((op) => !LAST.includes(op.operation.operationId)),
      ...LAST.map((id) => operations.find((op) => op.operation.operationId === id)!),
    ]
    let requests = 0
    for (const op of ordered) {
      if (op.operation.operationId === 'getClientUser') {
        requests += await driveClientApi(op, record)
        continue
      }
      if (op.operation.operationId === 'stripeWebhook') requests += await driveStripeWebhook(op, record)
      for (const { name, ...req } of casesFor(op)) {
        record(op, name, await send(server.url, req))
        requests++
      }
    }

    // Unknown paths answer 404 in their family's shape, as components.responses documents.
    const segments = fc.sample(fc.stringMatching(/^[a-z0-9-]{1,16}$/), { numRuns: 10, seed: SEED })
    for (const segment of segments) {
      for (const [prefix, response] of [
        ['/api/v1/client/x-', 'ClientNotFound'],
        ['/api/v1/dashboard/x-', 'DashboardNotFound'],
        ['/x-', 'DashboardNotFound'],
      ] as const) {
        const res = await send(server.url, { method: 'GET', path: prefix + segment })
        requests++
        const problem =
          res.status === 404
            ? checkResponse(validator, ['components', 'responses', response], res, true)
            : `status ${res.status}`
        if (problem) failures.push(`GET ${prefix}${segment}: ${problem}`)
      }
    }

    expect(failures).toEqual([])
    // Each documented status was met at least once, so the checks above covered them all.
    const missed = operations.flatMap((op) =>
      Object.keys(op.operation.responses as Json)
        .filter((status) => !UNREACHED_HERE.has(status) && !seen.get(op.operation.operationId)?.has(status))
        .filter((status) => !UNREACHED_OPERATION_STATUSES.has(`${op.operation.operationId} ${status}`))
        .map((status) => `${op.operation.operationId} ${status}`),
    )
    expect(missed).toEqual([])
    expect(requests).toBeGreaterThan(500)
  })

  /** Stripe's deliveries: signed events (applied, unhandled, duplicate) and an oversized one. */
  async function driveStripeWebhook(
    op: DocumentedOperation,
    record: (op: DocumentedOperation, name: string, res: RawResponse) => void,
  ): Promise<number> {
    const url = server.url + op.path
    const unhandled = stripe.event('invoice.paid', { id: 'in_1', object: 'invoice' })
    const deliveries: [string, Promise<Response>][] = [
      ['signed unhandled event', StripeStandIn.deliver(url, unhandled)],
      ['unknown customer', StripeStandIn.deliver(url, stripe.subscriptionEvent('updated', 'cus_nobody', 'active'))],
      ['oversized', StripeStandIn.deliver(url, JSON.stringify({ pad: 'x'.repeat(300_000) }))],
    ]
    for (const [name, pending] of deliveries) {
      const res = await pending
      record(op, name, {
        status: res.status,
        headers: Object.fromEntries(res.headers.entries()),
        text: await res.text(),
      })
    }
    return deliveries.length
  }

  /** The client API through the typed client generated from the document (examples/client-api.ts). */
  async function driveClientApi(
    op: DocumentedOperation,
    record: (op: DocumentedOperation, name: string, res: RawResponse) => void,
  ): Promise<number> {
    const garbage = [
      ...fc.sample(headerText, { numRuns: 8, seed: SEED }),
      ...fc.sample(fc.stringMatching(/^sk_[0-9A-Za-z]{38}$/), { numRuns: 4, seed: SEED }),
    ]
    const calls: [string, string | undefined][] = [
      ['no X-API-Key', undefined],
      ['revoked key', keys.revoked],
      ['free plan key', keys.free],
      ['pro key', keys.pro],
      ...garbage.map((key, i) => [`generated key #${i}`, key] as [string, string]),
    ]
    const call = async (name: string, key: string | undefined) => {
      const { data, error, response } = await createStorraClient(server.url, key).GET('/api/v1/client/users/me')
      const headers = Object.fromEntries(response.headers.entries())
      record(op, name, { status: response.status, headers, text: JSON.stringify(data ?? error) })
    }
    for (const [name, key] of calls) await call(name, key)
    // A burst over the per-key limit meets the documented 429 with Retry-After.
    await Promise.all(Array.from({ length: KEY_RATE_LIMIT * 3 }, (_, i) => call(`burst #${i}`, keys.pro)))
    return calls.length + KEY_RATE_LIMIT * 3
  }
})
