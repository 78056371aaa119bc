import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUserPlan } from '@storra/api'
import {
  callClientApi,
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
  CREATED_KEY_FIELDS,
} from '../src/testing.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const KEYS = '/api/v1/dashboard/users/me/api-keys'
const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

describeEachDatabase('dashboard REST API', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: { maxActiveKeys: 3 } })
  })
  afterAll(() => server?.dispose())

  async function loggedIn(plan: 'pro' | 'free' = 'pro') {
    const user = await server.createUser({ plan })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    return { user, client }
  }

  it('logs in with a session cookie and returns the user', async () => {
    const user = await server.createUser({ plan: 'pro', email: `Mixed.Case-${Date.now()}@Example.com` })
    const client = new DashboardRestClient(server.url)
    const { password, ...publicUser } = user
    const res = await client.login(user.email.toUpperCase(), password)
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({ user: publicUser })
    const cookie = res.headers.getSetCookie()[0]!
    expect(cookie).toMatch(/^storra_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).not.toMatch(/Secure/i) // plain http in tests; production sets Secure
    const me = await client.request('GET', '/api/v1/dashboard/users/me')
    expect(await readJson(me)).toEqual({ user: publicUser })
  })

  it('gives one message for an unknown email and a wrong password', async () => {
    const user = await server.createUser({})
    const wrong = await new DashboardRestClient(server.url).login(user.email, 'not the password at all')
    const unknown = await new DashboardRestClient(server.url).login('nobody@example.com', 'not the password at all')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const body = await readJson(wrong)
    expect(body).toEqual({ error: 'Invalid email or password.' })
    expect(await readJson(unknown)).toEqual(body)
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('creates a key exactly as the contract shows', async () => {
    const { client } = await loggedIn()
    const res = await client.request('POST', KEYS, { label: '  Production API Key  ' })
    expect(res.status).toBe(200)
    const text = await res.text()
    const body = JSON.parse(text)
    // The contract's six fields in its order, then the lifecycle's (issue 11), then the last use's (issue 12).
    expect(Object.keys(body)).toEqual(CREATED_KEY_FIELDS)
    expect(body).toMatchObject({ expires_at: null, ip_allowlist: [], state: 'active', replaced_by: null })
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(body.label).toBe('Production API Key')
    expect(body.key).toMatch(/^sk_[0-9A-Za-z]{38}$/)
    expect(body.prefix).toBe(body.key.slice(0, 11))
    expect(body.created_at).toMatch(ISO_MS)
    expect(body.last_used).toBeNull()
    expect(text).toContain('"last_used":null')
  })

  it('defaults a missing label and rejects bad ones with {"error"}', async () => {
    const { client } = await loggedIn()
    const noBody = await client.request('POST', KEYS)
    expect(noBody.status).toBe(200)
    expect((await readJson(noBody)).label).toBe('Untitled key')
    for (const label of ['x'.repeat(101), 42, 'line\nbreak']) {
      const res = await client.request('POST', KEYS, { label })
      expect(res.status).toBe(400)
      const body = await readJson(res)
      expect(Object.keys(body)).toEqual(['error'])
      expect(typeof body.error).toBe('string')
    }
  })

  it('lists active keys newest first without secrets', async () => {
    const { client } = await loggedIn()
    const first = await client.createKey('first')
    const second = await client.createKey('second')
    const res = await client.request('GET', KEYS)
    expect(res.status).toBe(200)
    const text = await res.text()
    const list = JSON.parse(text)
    expect(list.map((k: { prefix: string }) => k.prefix)).toEqual([second.prefix, first.prefix])
    for (const item of list)
      expect(Object.keys(item)).toEqual([
        'id',
        'prefix',
        'label',
        'created_at',
        'last_used',
        'expires_at',
        'ip_allowlist',
        'state',
        'replaced_by',
        'revoked_at',
        'revoked_reason',
        'last_used_ip',
        'last_used_user_agent',
      ])
    expect(text).not.toContain(first.key)
    expect(text).not.toContain(second.key)
  })

  it('revokes by prefix, then 404s for unknown, foreign and already revoked prefixes', async () => {
    const { client } = await loggedIn()
    const other = await loggedIn()
    const key = await client.createKey('to revoke')
    const foreign = await other.client.createKey('not yours')

    const res = await client.request('DELETE', `${KEYS}/${key.prefix}`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('{"revoked":true}')
    expect((await callClientApi(server.url, key.key)).status).toBe(401)

    for (const prefix of [key.prefix, foreign.prefix, 'sk_00000000', 'nonsense', 'sk_%F0%9F%94%91']) {
      const again = await client.request('DELETE', `${KEYS}/${prefix}`)
      expect(again.status, prefix).toBe(404)
      expect(await readJson(again)).toEqual({ error: 'API key not found.' })
    }
    expect((await callClientApi(server.url, foreign.key)).status).toBe(200)
    const list = await readJson(await client.request('GET', KEYS))
    expect(list.find((k: { prefix: string }) => k.prefix === key.prefix)).toBeUndefined()
  })

  it('refuses creation on the free plan but lets it list and revoke', async () => {
    const { user, client } = await loggedIn('pro')
    const key = await client.createKey('made while pro')
    await setUserPlan(server.services, { userId: user.id }, 'free')
    const res = await client.request('POST', KEYS, { label: 'nope' })
    expect(res.status).toBe(403)
    const body = await readJson(res)
    expect(Object.keys(body)).toEqual(['error'])
    expect(body.error).toContain('Cloud Pro')
    expect((await client.request('GET', KEYS)).status).toBe(200)
    expect((await client.request('DELETE', `${KEYS}/${key.prefix}`)).status).toBe(200)
  })

  it('enforces the active-key limit with a 4xx {"error"}', async () => {
    const { client } = await loggedIn()
    const made = [await client.createKey('1'), await client.createKey('2'), await client.createKey('3')]
    const over = await client.request('POST', KEYS, { label: '4' })
    expect(over.status).toBe(409)
    expect((await readJson(over)).error).toMatch(/3 active API keys/)
    await client.request('DELETE', `${KEYS}/${made[0]!.prefix}`)
    expect((await client.request('POST', KEYS, { label: '4' })).status).toBe(200)
  })

  it('accepts only the session cookie', async () => {
    const { client } = await loggedIn()
    const { key } = await client.createKey('not for the dashboard')
    const bearer = await fetch(server.url + KEYS, { headers: { authorization: `Bearer ${key}` } })
    expect(bearer.status).toBe(401)
    expect(Object.keys(await readJson(bearer))).toEqual(['error'])
    const apiKey = await fetch(server.url + KEYS, { headers: { 'x-api-key': key } })
    expect(apiKey.status).toBe(401)
    expect(await readJson(apiKey)).toEqual({ error: 'Not authenticated.' })
    const anonymous = await fetch(server.url + '/api/v1/dashboard/users/me')
    expect(anonymous.status).toBe(401)
  })

  it('logs out: the cookie is cleared and the session ended', async () => {
    const { client } = await loggedIn()
    const copied = client.cookie
    const res = await client.request('POST', '/api/v1/dashboard/logout')
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({ ok: true })
    expect(client.cookie).toBe('')
    const replay = await fetch(server.url + '/api/v1/dashboard/users/me', { headers: { cookie: copied } })
    expect(replay.status).toBe(401)
  })
})

describe('session cookie over HTTPS', () => {
  it('is Secure when the request came through a TLS-terminating proxy, and in production', async () => {
    const target = testDatabaseTargets()[0]!
    const behindProxy = await startTestServer(target, { http: { trustProxy: 'loopback' } })
    try {
      const user = await behindProxy.createUser({})
      const viaHttps = await fetch(`${behindProxy.url}/api/v1/dashboard/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ email: user.email, password: user.password }),
      })
      expect(viaHttps.status).toBe(200)
      expect(viaHttps.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i)
    } finally {
      await behindProxy.dispose()
    }
    const production = await startTestServer(target, { mode: 'production', session: { secureCookies: undefined } })
    try {
      const user = await production.createUser({})
      const res = await new DashboardRestClient(production.url).login(user.email, user.password)
      expect(res.headers.getSetCookie()[0]).toMatch(/;\s*Secure/i)
    } finally {
      await production.dispose()
    }
  })
})
