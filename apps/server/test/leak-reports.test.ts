import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import type { AppRouter } from '@storra/api'
import { eq } from 'drizzle-orm'
import { apiKeys } from '@storra/db'
import { describeEachDatabase } from '@storra/db/testing/suites'
import {
  formatApiKey,
  generateApiKey,
  hashApiKey,
  LEAK_REPORT_MESSAGES,
  MAX_SECRET_SCANNING_URL_LENGTH,
  type AuditEvent,
} from '@storra/core'
import { startServer } from '../src/server.ts'
import {
  callClientApi,
  loggedInClient,
  readJson,
  startTestServer,
  testServerConfig,
  type DashboardRestClient,
  type TestServer,
} from '../src/testing.ts'
import {
  createTestSigningKey,
  githubSignatureHeaders,
  writeSigningKeysFile,
  type TestSigningKey,
} from '../src/testing-secret-scanning.ts'

const REVOKE = '/api/v1/public/credentials/revoke'
const GITHUB = '/api/v1/public/secret-scanning/github'
const REPORTS_PER_HOUR = 4

let ipCounter = 0
/** Each test reports from its own address (the server trusts loopback's X-Forwarded-For), so throttling stays apart. */
const nextIp = () => `203.0.113.${++ipCounter}`

function report(server: TestServer, body: unknown, ip: string, headers: Record<string, string> = {}) {
  return fetch(server.url + REVOKE, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

function alert(server: TestServer, body: string, headers: Record<string, string>) {
  return fetch(server.url + GITHUB, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
}

/** Everything a client can observe of an answer, but the Date header. */
async function observable(res: Response) {
  const headers = [...res.headers.entries()].filter(([name]) => name !== 'date')
  return { status: res.status, headers, body: await res.text() }
}

const AUDIT_LOG = '/api/v1/dashboard/users/me/audit-log'

/** The account's `api_key.revoked` events for one key, as its owner reads them. */
async function revocationEventsOf(client: DashboardRestClient, prefix: string) {
  const page = (await readJson(await client.request('GET', `${AUDIT_LOG}?prefix=${prefix}`))) as {
    events: AuditEvent[]
  }
  return page.events.filter((event) => event.type === 'api_key.revoked')
}

async function revokedAtOf(server: TestServer, prefix: string): Promise<Date | null> {
  const [row] = await server.services.database.db
    .select({ revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.prefix, prefix))
  return row!.revokedAt
}

describeEachDatabase('public leak reports', (target) => {
  let server: TestServer
  let signer: TestSigningKey
  let keysFile: { file: string; remove(): void }

  beforeAll(async () => {
    signer = createTestSigningKey()
    keysFile = writeSigningKeysFile([signer, createTestSigningKey()])
    server = await startTestServer(target, {
      http: { trustProxy: 'loopback' },
      limits: { leakReportsPerIpPerHour: REPORTS_PER_HOUR },
      secretScanning: { keysFile: keysFile.file },
    })
  })
  afterAll(async () => {
    await server?.dispose()
    keysFile?.remove()
  })

  async function keysOfNewAccount(count: number) {
    const { client } = await loggedInClient(server)
    const keys = []
    for (let i = 0; i < count; i++) keys.push(await client.createKey(`Leaky ${i}`))
    return { client, keys }
  }

  it('revokes a reported key: 202 {received}, the key stops working, no cookie either way', async () => {
    const { client, keys } = await keysOfNewAccount(2)
    const [leaked, kept] = keys as [(typeof keys)[number], (typeof keys)[number]]
    expect((await callClientApi(server.url, leaked.key)).status).toBe(200)

    const reporterIp = nextIp()
    const res = await report(server, { credentials: [leaked.key] }, reporterIp, { cookie: client.cookie })
    expect(res.status).toBe(202)
    // Audited in the revoking transaction: the reporter's IP, never the key or its hash.
    const [event, ...more] = await revocationEventsOf(client, leaked.prefix)
    expect(more).toEqual([])
    expect(event).toMatchObject({
      actor: 'public_report',
      key_prefix: leaked.prefix,
      ip: reporterIp,
      details: { reason: 'leak_report', source: 'public' },
    })
    expect(JSON.stringify(event)).not.toContain(leaked.key)
    expect(JSON.stringify(event)).not.toContain(hashApiKey(leaked.key))
    expect(await readJson(res)).toEqual({ received: 1 })
    expect(res.headers.get('set-cookie')).toBeNull()

    expect((await callClientApi(server.url, leaked.key)).status).toBe(401)
    expect((await callClientApi(server.url, kept.key)).status).toBe(200)
    const listed = (await readJson(await client.request('GET', '/api/v1/dashboard/users/me/api-keys'))) as {
      prefix: string
    }[]
    expect(listed.map((k) => k.prefix)).toEqual([kept.prefix])
  })

  it('shows the owner, and only the owner, which keys a report revoked (apiKeys.leakRevocations)', async () => {
    const { client, keys } = await keysOfNewAccount(3)
    const [leaked, revokedByOwner, kept] = keys as [(typeof keys)[number], (typeof keys)[number], (typeof keys)[number]]
    const trpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/api/v1/dashboard/trpc`, fetch: client.fetch })],
    })
    expect(await trpc.apiKeys.leakRevocations.query()).toEqual([])
    expect(
      (await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${revokedByOwner.prefix}`)).status,
    ).toBe(200)

    expect((await report(server, { credentials: [leaked.key, revokedByOwner.key] }, nextIp())).status).toBe(202)
    const notices = await trpc.apiKeys.leakRevocations.query()
    expect(notices).toEqual([
      { id: leaked.id, prefix: leaked.prefix, label: leaked.label, revoked_at: expect.any(String) },
    ])
    expect(Date.parse(notices[0]!.revoked_at)).toBeGreaterThan(Date.now() - 60_000)
    // The key's history says why: a leak report, not its owner.
    const history = await trpc.apiKeys.list.query({ state: 'all' })
    const reasons = Object.fromEntries(history.map((k) => [k.prefix, [k.state, k.revoked_reason]]))
    expect(reasons).toEqual({
      [leaked.prefix]: ['revoked', 'leak_report'],
      [revokedByOwner.prefix]: ['revoked', 'user'],
      [kept.prefix]: ['active', null],
    })
    expect((await callClientApi(server.url, kept.key)).status).toBe(200)

    // Another account sees nothing of it.
    const other = await loggedInClient(server)
    const otherTrpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/api/v1/dashboard/trpc`, fetch: other.client.fetch })],
    })
    expect(await otherTrpc.apiKeys.leakRevocations.query()).toEqual([])
  })

  it('answers identically for an active, an unknown, an already revoked and a malformed key', async () => {
    const { keys } = await keysOfNewAccount(2)
    const [active, revoked] = keys as [(typeof keys)[number], (typeof keys)[number]]
    expect((await report(server, { credentials: [revoked.key] }, nextIp())).status).toBe(202)

    const answers = []
    for (const credential of [
      active.key,
      generateApiKey(),
      revoked.key,
      'sk_not-a-key',
      `${active.key.slice(0, -1)}x`,
    ]) {
      answers.push(await observable(await report(server, { credentials: [credential] }, nextIp())))
    }
    for (const answer of answers) expect(answer).toEqual(answers[0])
    expect(answers[0]).toMatchObject({ status: 202, body: '{"received":1}' })
    expect((await callClientApi(server.url, active.key)).status).toBe(401)
  })

  it('takes 1,000 credentials in one request and revokes every real one among them', async () => {
    const { keys } = await keysOfNewAccount(3)
    const filler = Array.from({ length: 997 }, (_, i) =>
      i % 2 ? generateApiKey() : formatApiKey(String(i).padStart(32, '0')),
    )
    const credentials = [...filler.slice(0, 500), ...keys.map((k) => k.key), ...filler.slice(500)]
    const res = await report(server, { credentials }, nextIp())
    expect(res.status).toBe(202)
    expect(await readJson(res)).toEqual({ received: 1000 })
    for (const key of keys) expect((await callClientApi(server.url, key.key)).status).toBe(401)
  })

  it('refuses malformed bodies with 400 {"error"} and revokes nothing', async () => {
    const { keys } = await keysOfNewAccount(1)
    const key = keys[0]!.key
    const bodies: unknown[] = [
      '{"credentials": [',
      'null',
      [key],
      {},
      { credentials: [] },
      { credentials: key },
      { credentials: [key, 42] },
      { credentials: [key, 'x'.repeat(257)] },
      { credentials: Array.from({ length: 1001 }, () => key) },
    ]
    for (const body of bodies) {
      const res = await report(server, body, nextIp())
      expect(res.status).toBe(400)
      const answer = (await readJson(res)) as Record<string, unknown>
      expect(Object.keys(answer)).toEqual(['error'])
      expect(JSON.stringify(answer)).not.toContain(key)
    }
    const notObject = await report(server, { credentials: 'x' }, nextIp())
    expect(await readJson(notObject)).toEqual({ error: LEAK_REPORT_MESSAGES.credentialsInvalid })
    expect((await callClientApi(server.url, key)).status).toBe(200)
  })

  it(`throttles each address to ${REPORTS_PER_HOUR} requests an hour, malformed ones included`, async () => {
    const ip = nextIp()
    expect((await report(server, '{oops', ip)).status).toBe(400)
    for (let i = 1; i < REPORTS_PER_HOUR; i++) {
      expect((await report(server, { credentials: [generateApiKey()] }, ip)).status).toBe(202)
    }
    const { keys } = await keysOfNewAccount(1)
    const limited = await report(server, { credentials: [keys[0]!.key] }, ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await readJson(limited)).toEqual({ error: LEAK_REPORT_MESSAGES.tooManyReports })
    // Refused before reading the body: the key still works.
    expect((await callClientApi(server.url, keys[0]!.key)).status).toBe(200)
    // Another address is not held back.
    expect((await report(server, { credentials: [keys[0]!.key] }, nextIp())).status).toBe(202)
  })

  it('labels a signed GitHub alert, revokes our key, and a replay revokes nothing new', async () => {
    const { client, keys } = await keysOfNewAccount(2)
    const [leaked, earlier] = keys as [(typeof keys)[number], (typeof keys)[number]]
    expect((await report(server, { credentials: [earlier.key] }, nextIp())).status).toBe(202)
    const revokedEarlier = await revokedAtOf(server, earlier.prefix)
    const unknown = generateApiKey()
    const url = 'https://github.com/octo/leaky/blob/0123abc/config.js'
    // Spacing GitHub might use: the signature covers these exact bytes, not a re-serialisation.
    const body = `[ {"token":"${leaked.key}","type":"storra_api_key","url":"${url}","source":"content"},
      {"token":"${unknown}","type":"storra_api_key","url":"","source":"commit"},
      {"token":"${earlier.key}","type":"storra_api_key","url":"${url}","source":"issue_comment"},
      {"token":"sk_nonsense","type":"storra_api_key","url":"","source":"unknown"} ]`
    const headers = githubSignatureHeaders(signer, body)

    const res = await alert(server, body, headers)
    expect(res.status).toBe(200)
    const labels = await readJson(res)
    expect(labels).toEqual([
      { token_hash: hashApiKey(leaked.key), token_type: 'storra_api_key', label: 'true_positive' },
      { token_hash: hashApiKey(unknown), token_type: 'storra_api_key', label: 'false_positive' },
      { token_hash: hashApiKey(earlier.key), token_type: 'storra_api_key', label: 'true_positive' },
      { token_hash: hashApiKey('sk_nonsense'), token_type: 'storra_api_key', label: 'false_positive' },
    ])
    expect(JSON.stringify(labels)).not.toContain('sk_')
    expect((await callClientApi(server.url, leaked.key)).status).toBe(401)
    const revokedLeaked = await revokedAtOf(server, leaked.prefix)
    expect(revokedLeaked).not.toBeNull()
    expect(await revokedAtOf(server, earlier.prefix)).toEqual(revokedEarlier)

    const replay = await alert(server, body, headers)
    expect(replay.status).toBe(200)
    expect(await readJson(replay)).toEqual(labels)
    expect(await revokedAtOf(server, leaked.prefix)).toEqual(revokedLeaked)
    // One event for the one key this alert revoked (the replay adds none), with where GitHub saw it.
    const events = await revocationEventsOf(client, leaked.prefix)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actor: 'public_report',
      details: { reason: 'leak_report', source: 'github', url },
    })
    expect(events[0]!.ip).toBeTruthy()
    expect(JSON.stringify(events)).not.toContain(leaked.key)
    expect(JSON.stringify(events)).not.toContain(hashApiKey(leaked.key))
    expect((await revocationEventsOf(client, earlier.prefix)).map((e) => e.details.source)).toEqual(['public'])
  })

  it('revokes a key whose alert carries a NUL, a lone surrogate or a huge url, recording the url made storable', async () => {
    const { client, keys } = await keysOfNewAccount(3)
    const long = `https://github.com/octo/leaky/${'a'.repeat(3000)}`
    // JSON escapes as GitHub would send them: PostgreSQL's jsonb refuses \u0000 and a lone \ud800.
    const cases: [string, string, string][] = [
      [keys[0]!.key, 'https://github.com/octo/\\u0000nul', 'https://github.com/octo/\uFFFDnul'],
      [keys[1]!.key, 'https://github.com/octo/\\ud800lone', 'https://github.com/octo/\uFFFDlone'],
      [keys[2]!.key, long, long.slice(0, MAX_SECRET_SCANNING_URL_LENGTH)],
    ]
    for (const [key, sentUrl, storedUrl] of cases) {
      const body = `[{"token":"${key}","type":"storra\\u0000key","url":"${sentUrl}","source":"\\udc00"}]`
      const res = await alert(server, body, githubSignatureHeaders(signer, body))
      expect(res.status, await res.clone().text()).toBe(200)
      expect(await readJson(res)).toEqual([
        { token_hash: hashApiKey(key), token_type: 'storra\u0000key', label: 'true_positive' },
      ])
      expect((await callClientApi(server.url, key)).status).toBe(401)
      const prefix = keys.find((k) => k.key === key)!.prefix
      const events = await revocationEventsOf(client, prefix)
      expect(events).toHaveLength(1)
      expect(events[0]!.details).toEqual({ reason: 'leak_report', source: 'github', url: storedUrl })
    }
  })

  it('refuses alerts that are unsigned, signed by another key, tampered with or from an unknown key id', async () => {
    const { keys } = await keysOfNewAccount(1)
    const key = keys[0]!
    const body = JSON.stringify([{ token: key.key, type: 'storra_api_key', url: '', source: 'content' }])
    const good = githubSignatureHeaders(signer, body)
    const stranger = createTestSigningKey()
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['no headers', body, {}, 400, LEAK_REPORT_MESSAGES.signatureMissing],
      ['no signature', body, { 'github-public-key-identifier': signer.id }, 400, LEAK_REPORT_MESSAGES.signatureMissing],
      [
        'no key id',
        body,
        { 'github-public-key-signature': good['github-public-key-signature']! },
        400,
        LEAK_REPORT_MESSAGES.signatureMissing,
      ],
      ['unknown key id', body, githubSignatureHeaders(stranger, body), 401, LEAK_REPORT_MESSAGES.unknownSigningKey],
      [
        'signed by a stranger under a known id',
        body,
        { ...githubSignatureHeaders(stranger, body), 'github-public-key-identifier': signer.id },
        401,
        LEAK_REPORT_MESSAGES.signatureInvalid,
      ],
      ['tampered body', `${body} `, good, 401, LEAK_REPORT_MESSAGES.signatureInvalid],
      [
        'garbage signature',
        body,
        { ...good, 'github-public-key-signature': 'not*base64' },
        401,
        LEAK_REPORT_MESSAGES.signatureInvalid,
      ],
      [
        'signature of another body',
        body,
        {
          ...good,
          'github-public-key-signature': githubSignatureHeaders(signer, '[]')['github-public-key-signature']!,
        },
        401,
        LEAK_REPORT_MESSAGES.signatureInvalid,
      ],
    ]
    for (const [name, sent, headers, status, error] of cases) {
      const res = await alert(server, sent, headers)
      expect({ name, status: res.status, body: await readJson(res) }).toEqual({ name, status, body: { error } })
    }
    expect((await callClientApi(server.url, key.key)).status).toBe(200)

    // Signed but not GitHub's shape: 400, nothing revoked.
    for (const sent of ['{"token": 1', '{}', '[]', JSON.stringify([{ token: key.key }])]) {
      const res = await alert(server, sent, githubSignatureHeaders(signer, sent))
      expect(res.status).toBe(400)
      expect(Object.keys(await readJson(res))).toEqual(['error'])
    }
    expect((await callClientApi(server.url, key.key)).status).toBe(200)
  })
})

describeEachDatabase('secret-scanning keys file', (target) => {
  it('without one, refuses every alert (401) and revokes nothing', async () => {
    const server = await startTestServer(target)
    try {
      const { client } = await loggedInClient(server)
      const key = await client.createKey('not configured')
      const body = JSON.stringify([{ token: key.key, type: 'storra_api_key', url: '', source: 'content' }])
      const res = await alert(server, body, githubSignatureHeaders(createTestSigningKey(), body))
      expect(res.status).toBe(401)
      expect(await readJson(res)).toEqual({ error: LEAK_REPORT_MESSAGES.unknownSigningKey })
      expect((await callClientApi(server.url, key.key)).status).toBe(200)
    } finally {
      await server.dispose()
    }
  })

  it('picks up a key GitHub starts using when the file is refreshed, without a restart', async () => {
    const first = createTestSigningKey()
    const next = createTestSigningKey()
    const keysFile = writeSigningKeysFile([first])
    const server = await startTestServer(target, { secretScanning: { keysFile: keysFile.file } })
    try {
      const body = JSON.stringify([{ token: generateApiKey(), type: 'storra_api_key', url: '', source: 'content' }])
      expect((await alert(server, body, githubSignatureHeaders(first, body))).status).toBe(200)
      const refreshed = writeSigningKeysFile([next, first])
      writeFileSync(keysFile.file, readFileSync(refreshed.file))
      refreshed.remove()
      expect((await alert(server, body, githubSignatureHeaders(next, body))).status).toBe(200)
    } finally {
      await server.dispose()
      keysFile.remove()
    }
  })
})

describe('a secret-scanning keys file not in GitHub’s format', () => {
  it('stops startup before the database opens, naming the file', async () => {
    const keysFile = writeSigningKeysFile([])
    writeFileSync(keysFile.file, '{"public_keys": [{"key_identifier": "x", "key": "not a key", "is_current": true}]}')
    try {
      const config = testServerConfig({ secretScanning: { keysFile: keysFile.file } })
      await expect(startServer(config)).rejects.toThrow(keysFile.file)
    } finally {
      keysFile.remove()
    }
  })
})
