import { afterAll, beforeAll, expect, it } from 'vitest'
import { setUserPlan } from '@storra/api'
import { formatApiKey, generateApiKey, keyPrefixOf } from '@storra/core'
import { callClientApi, DashboardRestClient, startTestServer, type TestServer, readJson } from '../src/testing.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const MISSING = '{"detail":[{"type":"missing","loc":["header","X-API-Key"],"msg":"Field required","input":null}]}'
const NOT_FOUND = '{"detail":"User not found."}'
const PRO_REQUIRED = '{"detail":"API access requires Cloud Pro plan. Upgrade to use the API."}'

describeEachDatabase('client API', (target) => {
  let server: TestServer
  let proKey: string
  let proUser: Awaited<ReturnType<TestServer['createUser']>>

  beforeAll(async () => {
    server = await startTestServer(target)
    proUser = await server.createUser({ plan: 'pro' })
    const dashboard = new DashboardRestClient(server.url)
    await dashboard.login(proUser.email, proUser.password)
    proKey = (await dashboard.createKey('client tests')).key
  })
  afterAll(() => server?.dispose())

  it('returns the key owner for a valid Pro key', async () => {
    const res = await callClientApi(server.url, proKey)
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({
      id: proUser.id,
      email: proUser.email,
      plan: 'pro',
      created_at: proUser.created_at,
    })
  })

  it('answers a missing header with the exact FastAPI-style body', async () => {
    const res = await callClientApi(server.url)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.text()).toBe(MISSING)
  })

  it.each([
    ['empty', ''],
    ['not a key', 'hello'],
    ['unknown but well-formed', generateApiKey()],
    ['a prefix only', 'sk_abc12345'],
    ['a bearer token', 'Bearer sk_abc'],
  ])('answers %s with 401 "User not found."', async (_name, key) => {
    const res = await callClientApi(server.url, key)
    expect(res.status).toBe(401)
    expect(await res.text()).toBe(NOT_FOUND)
  })

  it('answers a mistyped valid key (bad checksum) with 401', async () => {
    const typo = proKey.slice(0, 20) + (proKey[20] === 'a' ? 'b' : 'a') + proKey.slice(21)
    const res = await callClientApi(server.url, typo)
    expect(res.status).toBe(401)
    expect(await res.text()).toBe(NOT_FOUND)
  })

  it('refuses a revoked key at once, and a free account with 403', async () => {
    const free = await server.createUser({ plan: 'pro' })
    const dashboard = new DashboardRestClient(server.url)
    await dashboard.login(free.email, free.password)
    const { key, prefix } = await dashboard.createKey('soon revoked')
    expect((await callClientApi(server.url, key)).status).toBe(200)

    // Downgrade while the key is cached: the same key now gets the Pro requirement, not a 401.
    await setUserPlan(server.services, { userId: free.id }, 'free')
    const forbidden = await callClientApi(server.url, key)
    expect(forbidden.status).toBe(403)
    expect(await forbidden.text()).toBe(PRO_REQUIRED)

    const revoke = await dashboard.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${prefix}`)
    expect(revoke.status).toBe(200)
    const after = await callClientApi(server.url, key)
    expect(after.status).toBe(401)
    expect(await after.text()).toBe(NOT_FOUND)
  })

  it('records last_used on first use, visible in the key list', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const dashboard = new DashboardRestClient(server.url)
    await dashboard.login(user.email, user.password)
    const { key, prefix } = await dashboard.createKey('usage')
    const before = (await readJson(await dashboard.request('GET', '/api/v1/dashboard/users/me/api-keys'))) as {
      prefix: string
      last_used: string | null
    }[]
    expect(before.find((k) => k.prefix === prefix)?.last_used).toBeNull()
    const startedAt = Date.now()
    expect((await callClientApi(server.url, key)).status).toBe(200)
    const after = (await readJson(await dashboard.request('GET', '/api/v1/dashboard/users/me/api-keys'))) as {
      prefix: string
      last_used: string | null
    }[]
    const lastUsed = after.find((k) => k.prefix === prefix)?.last_used
    expect(lastUsed).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(Date.parse(lastUsed!)).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000 - 1000)
    expect(keyPrefixOf(key)).toBe(prefix)
  })

  it('keeps errors in the detail shape for unknown client routes and methods', async () => {
    const unknown = await callClientApi(server.url, proKey, '/api/v1/client/nope')
    expect(unknown.status).toBe(404)
    expect(await readJson(unknown)).toEqual({ detail: 'Not Found' })
    const wrongMethod = await fetch(`${server.url}/api/v1/client/users/me`, {
      method: 'POST',
      headers: { 'x-api-key': proKey },
    })
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toContain('GET')
    expect(await readJson(wrongMethod)).toEqual({ detail: 'Method Not Allowed' })
  })

  it('never reaches the database for malformed keys', async () => {
    const { misses } = server.services.verifier.stats
    for (let i = 0; i < 20; i++) await callClientApi(server.url, formatApiKey('0'.repeat(32)).slice(0, -1) + 'x')
    expect(server.services.verifier.stats.misses).toBe(misses)
  })
})
