import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateApiKey } from '@storra/core'
import { setUserPlan } from '@storra/api'
import { DashboardRestClient, startTestServer, type TestServer } from '../../src/testing.ts'
import { countAccountRows } from './database-rows.ts'
import { rawRequest, type RawResponse } from './raw-http.ts'
import { isTrpcErrorEnvelope } from './trpc-over-http.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

// Bounded so the file stays well under a minute per target on a 2-core machine.
const RUNS = { client: 150, rest: 300, trpc: 300 }

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']
const PROCEDURES = [
  'auth.login',
  'auth.logout',
  'auth.logoutEverywhere',
  'auth.changePassword',
  'auth.me',
  'apiKeys.list',
  'apiKeys.create',
  'apiKeys.revoke',
  'admin.listUsers',
  'admin.setPlan',
  'admin.listKeys',
  'admin.revokeKey',
]
const FIELDS = ['email', 'password', 'label', 'prefix', 'currentPassword', 'newPassword', 'query', 'userId', 'plan']

// Strings that break naive code: any code point (lone surrogates too), control characters, huge.
const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)) })
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  controlChars,
  fc.constantFrom(
    '',
    ' ',
    'sk_',
    'sk_abc12345',
    generateApiKey(),
    '../../etc/passwd',
    "' or 1=1 --",
    '%00',
    '\u202e',
    'x'.repeat(1 << 20),
  ),
)
// Header values Node accepts: tab, visible ASCII and obs-text (0x80-0xFF), up to 2 KB each so a
// request's headers stay within Node's 16 KB limit (beyond it Node itself answers 431).
const headerValue = fc.oneof(
  fc.string({
    unit: fc.oneof(
      fc.constant('\t'),
      fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    ),
    maxLength: 60,
  }),
  fc.string({ unit: fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.integer({ min: 1, max: 2000 }).map((n) => 'A'.repeat(n)),
  fc.constantFrom('', 'null', 'Bearer x', generateApiKey(), 'gzip', 'br', 'identity', 'https://evil.example'),
)
const headerName = fc.oneof(
  fc.constantFrom(
    'origin',
    'cookie',
    'authorization',
    'x-api-key',
    'accept',
    'accept-encoding',
    'content-encoding',
    'x-forwarded-for',
    'x-http-method-override',
    'trpc-accept',
    'range',
    'if-none-match',
  ),
  fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
)
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
      'application/octet-stream',
      'application/vnd.api+json',
      '*/*',
    ),
    headerValue,
  ),
  { nil: undefined },
)
const body = fc.option(
  fc.oneof(
    fc
      .dictionary(fc.constantFrom(...FIELDS), fc.oneof(nastyString, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 })
      .map((o) => JSON.stringify(o)),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.constantFrom(
      '{',
      '{"label":',
      'null',
      '[]',
      '"x"',
      '{"__proto__":{"admin":true}}',
      JSON.stringify({ label: 'x'.repeat(1 << 20) }),
    ),
  ),
  { nil: undefined },
)
const cookieChoice = fc.constantFrom<'none' | 'user' | 'admin' | 'garbage'>('none', 'user', 'admin', 'garbage')
const segment = fc.oneof(
  nastyString.map((s) => encodeURIComponent(s.slice(0, 200))),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '.', ';', 'sk_abc12345'),
)

interface Case {
  method: string
  path: string
  headers: [string, string][]
  contentType: string | undefined
  body: string | undefined
  cookie: 'none' | 'user' | 'admin' | 'garbage'
}

function caseFor(
  paths: fc.Arbitrary<string>,
  methods: fc.Arbitrary<string> = fc.constantFrom(...METHODS),
): fc.Arbitrary<Case> {
  return fc.record({
    method: methods,
    path: paths,
    headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 4 }),
    contentType,
    body,
    cookie: cookieChoice,
  })
}

type Family = 'client' | 'dashboard' | 'trpc'

function familyOf(url: string): Family {
  // As the server sees it: URL parsing resolves dot segments before the request is sent.
  const path = new URL(url).pathname
  if (path.startsWith('/api/v1/client')) return 'client'
  if (path.startsWith('/api/v1/dashboard/trpc')) return 'trpc'
  return 'dashboard'
}

/** The error shape each route family promises. */
function hasFamilyShape(family: Family, res: RawResponse): boolean {
  let parsed: unknown
  try {
    parsed = JSON.parse(res.body)
  } catch {
    return false
  }
  const keys = parsed && typeof parsed === 'object' ? Object.keys(parsed) : []
  const error = (parsed as { error?: unknown }).error
  const detail = (parsed as { detail?: unknown }).detail
  if (family === 'client') return keys.length === 1 && (typeof detail === 'string' || Array.isArray(detail))
  const restShape = keys.length === 1 && typeof error === 'string'
  if (family === 'dashboard') return restShape
  // Guards in front of tRPC (origin, content type, body size and syntax) answer as the REST routes do.
  if (restShape) return [400, 403, 413, 415].includes(res.status)
  if (Array.isArray(parsed))
    return parsed.length > 0 && parsed.every((item) => isTrpcErrorEnvelope(item) || 'result' in (item as object))
  return isTrpcErrorEnvelope(parsed)
}

describeEachDatabase('bad input never breaks the service', (target) => {
  let server: TestServer
  const cookies = { user: '', admin: '', garbage: 'storra_session=Fe26.2*1*garbage*garbage' }
  let userEmail = ''
  let userPassword = ''
  let adminEmail = ''
  let adminPassword = ''

  async function login(email: string, password: string): Promise<string> {
    const client = new DashboardRestClient(server.url)
    const res = await client.login(email, password)
    if (res.status !== 200) throw new Error(`setup login failed: ${res.status}`)
    return client.cookie
  }

  async function stillSignedIn(cookie: string): Promise<boolean> {
    const res = await fetch(`${server.url}/api/v1/dashboard/users/me`, { headers: { cookie } })
    return res.status === 200
  }

  beforeAll(async () => {
    // Limits so high that random logins never throttle the fixtures' own logins.
    server = await startTestServer(target, {
      limits: {
        login: { failuresPerEmail: 1e6, failuresPerIp: 1e6, windowSeconds: 60 },
        failedKeyAttemptsPerIpPerMinute: 0,
      },
    })
    const user = await server.createUser({ plan: 'pro' })
    const admin = await server.createUser({ plan: 'pro', role: 'admin' })
    ;[userEmail, userPassword, adminEmail, adminPassword] = [user.email, user.password, admin.email, admin.password]
    cookies.user = await login(userEmail, userPassword)
    cookies.admin = await login(adminEmail, adminPassword)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  async function check(c: Case): Promise<void> {
    // Random requests may log a fixture out (logout, logout-everywhere) or demote it: restore.
    if (c.cookie === 'user' && !(await stillSignedIn(cookies.user))) cookies.user = await login(userEmail, userPassword)
    if (c.cookie === 'admin' && !(await stillSignedIn(cookies.admin)))
      cookies.admin = await login(adminEmail, adminPassword)
    const headers: Record<string, string> = {}
    for (const [name, value] of c.headers) headers[name] = value
    if (c.contentType !== undefined) headers['content-type'] = c.contentType
    if (c.cookie !== 'none') headers.cookie = cookies[c.cookie]
    const before = await countAccountRows(server.services.database)
    const res = await rawRequest(server.url + c.path, { method: c.method, headers, body: c.body })
    const after = await countAccountRows(server.services.database)

    expect(res.status, `${c.method} ${c.path}`).toBeLessThan(500)
    if (res.status >= 400) {
      if (c.method !== 'HEAD')
        expect(
          hasFamilyShape(familyOf(server.url + c.path), res),
          `${c.method} ${c.path} ${res.status} ${res.body.slice(0, 300)}`,
        ).toBe(true)
      // Refused means refused: no account, key or session appeared or vanished.
      expect(after, `${c.method} ${c.path} ${res.status} changed the database`).toEqual(before)
    }
  }

  async function restoreFixtures(): Promise<void> {
    await setUserPlan(server.services, { email: userEmail }, 'pro')
  }

  it('client API routes', async () => {
    const paths = fc.oneof(
      fc.constant('/api/v1/client/users/me'),
      segment.map((s) => `/api/v1/client/${s}`),
      segment.map((s) => `/api/v1/client/users/me?${s}=${s}`),
    )
    const withKey = caseFor(paths, fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS')).chain((c) =>
      fc.oneof(
        fc.constant(c),
        headerValue.map((key) => ({ ...c, headers: [...c.headers, ['x-api-key', key] as [string, string]] })),
      ),
    )
    await fc.assert(fc.asyncProperty(withKey, check), { numRuns: RUNS.client })
  })

  it('dashboard REST routes', async () => {
    const paths = fc.oneof(
      fc.constantFrom(
        '/api/v1/dashboard/login',
        '/api/v1/dashboard/logout',
        '/api/v1/dashboard/logout-everywhere',
        '/api/v1/dashboard/users/me',
        '/api/v1/dashboard/users/me/password',
        '/api/v1/dashboard/users/me/api-keys',
      ),
      segment.map((s) => `/api/v1/dashboard/users/me/api-keys/${s}`),
      segment.map((s) => `/api/v1/dashboard/${s}`),
      segment.map((s) => `/api/v1/dashboard/users/me/api-keys?${s}`),
    )
    await fc.assert(fc.asyncProperty(caseFor(paths), check), { numRuns: RUNS.rest })
    await restoreFixtures()
  })

  it('tRPC procedures', async () => {
    const procedure = fc.oneof(
      fc.constantFrom(...PROCEDURES),
      fc.constantFrom(...PROCEDURES).map((p) => `${p},${p}`),
      segment,
    )
    const input = fc.oneof(
      fc.constant(''),
      fc.jsonValue({ maxDepth: 3 }).map((v) => `?input=${encodeURIComponent(JSON.stringify(v))}`),
      fc
        .dictionary(
          fc.constantFrom(...FIELDS),
          nastyString.map((s) => s.slice(0, 2000)),
          { maxKeys: 3 },
        )
        .map((o) => `?input=${encodeURIComponent(JSON.stringify(o))}`),
      fc.jsonValue({ maxDepth: 2 }).map((v) => `?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: v, 1: v }))}`),
      segment.map((s) => `?input=${s}`),
      segment.map((s) => `?batch=${s}`),
    )
    const paths = fc.tuple(procedure, input).map(([p, i]) => `/api/v1/dashboard/trpc/${p}${i}`)
    await fc.assert(
      fc.asyncProperty(
        caseFor(paths, fc.constantFrom('GET', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS')),
        check,
      ),
      {
        numRuns: RUNS.trpc,
      },
    )
    await restoreFixtures()
  })
})
