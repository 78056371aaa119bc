import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_MESSAGES } from '@storra/core'
import {
  DashboardRestClient,
  loggedInClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
} from '../../src/testing.ts'
import { isTrpcErrorEnvelope, trpcMutation, trpcQuery } from '../hardening/trpc-over-http.ts'

// Issue 10.2: a NUL reached PostgreSQL (500). Every string that can reach SQL is checked at
// the edge: NUL, unpaired surrogates (no UTF-8 form) and length.
const UNSAFE = ['\u0000', 'a\u0000b@example.com', '\uD800', 'x\uDC00@example.com']

/** Percent-encodes a path segment; an unpaired surrogate becomes its (invalid) 3-byte UTF-8 form. */
function encodeSegment(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0)
      if (c.length === 1 && code >= 0xd800 && code <= 0xdfff)
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`
      return encodeURIComponent(c)
    })
    .join('')
}

describe.each(testDatabaseTargets())('text that cannot reach the database ($name)', (target) => {
  let server: TestServer
  let client: DashboardRestClient
  let admin: DashboardRestClient
  let password: string
  beforeAll(async () => {
    server = await startTestServer(target)
    const owner = await loggedInClient(server)
    client = owner.client
    password = owner.user.password
    admin = (await loggedInClient(server, { role: 'admin' })).client
  })
  afterAll(() => server?.dispose())

  it('answers a login with unsafe text as wrong credentials (401), on REST and tRPC', async () => {
    for (const text of UNSAFE) {
      for (const body of [
        { email: text, password: 'x' },
        { email: 'someone@example.com', password: text },
      ]) {
        const rest = await new DashboardRestClient(server.url).login(body.email, body.password)
        expect(rest.status, JSON.stringify(body)).toBe(401)
        expect(await readJson(rest)).toEqual({ error: DASHBOARD_MESSAGES.invalidCredentials })
        const trpc = await trpcMutation(new DashboardRestClient(server.url), 'auth.login', body)
        expect(trpc.status, JSON.stringify(body)).toBe(401)
        expect(isTrpcErrorEnvelope(await readJson(trpc))).toBe(true)
      }
    }
  })

  it('answers unsafe text in every other string input with 400, never 500', async () => {
    for (const text of UNSAFE) {
      const checks: [string, Promise<Response>][] = [
        ['REST label', client.request('POST', '/api/v1/dashboard/users/me/api-keys', { label: text })],
        ['REST revoke prefix', client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${encodeSegment(text)}`)],
        [
          'REST new password',
          client.request('POST', '/api/v1/dashboard/users/me/password', {
            currentPassword: password,
            newPassword: `long enough ${text} password`,
          }),
        ],
        ['tRPC label', trpcMutation(client, 'apiKeys.create', { label: text })],
        ['tRPC revoke prefix', trpcMutation(client, 'apiKeys.revoke', { prefix: text })],
        ['tRPC listUsers query', trpcQuery(admin, 'admin.listUsers', { query: text })],
        [
          'tRPC admin revoke prefix',
          trpcMutation(admin, 'admin.revokeKey', { userId: '00000000-0000-4000-8000-000000000000', prefix: text }),
        ],
      ]
      for (const [name, pending] of checks) {
        const res = await pending
        const body = await readJson(res)
        expect(res.status, `${name} ${JSON.stringify(text)} ${JSON.stringify(body)}`).toBe(400)
        if (name.startsWith('REST')) expect(Object.keys(body)).toEqual(['error'])
        else expect(isTrpcErrorEnvelope(body)).toBe(true)
      }
    }
    // Nothing was changed by the refused requests: the password still works.
    expect(
      (
        await new DashboardRestClient(server.url).login(
          (await readJson(await client.request('GET', '/api/v1/dashboard/users/me'))).user.email,
          password,
        )
      ).status,
    ).toBe(200)
  })

  it('answers a wrong current password made of unsafe text with 403, as any wrong one', async () => {
    const res = await client.request('POST', '/api/v1/dashboard/users/me/password', {
      currentPassword: '\u0000',
      newPassword: 'a brand new password',
    })
    expect(res.status).toBe(403)
  })

  it('still finds ordinary text, including non-ASCII', async () => {
    const res = await trpcQuery(admin, 'admin.listUsers', { query: 'ex\u00e4mple' })
    expect(res.status).toBe(200)
    const key = await client.createKey('Schl\u00fcssel \u{1F511}')
    expect(key.label).toBe('Schl\u00fcssel \u{1F511}')
  })
})
