import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DashboardRestClient, readJson, startTestServer, testDatabaseTargets, type TestServer } from '../src/testing.ts'

const SESSION_PROBE = '/api/v1/dashboard/trpc/auth.session'

// The login page asks "is anyone logged in?" on every visit: "nobody" is an answer, not a 401.
describe.each(testDatabaseTargets())('tRPC auth.session on $name', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.dispose())

  it('answers 200 with a null user without a session, while users/me stays 401', async () => {
    const client = new DashboardRestClient(server.url)
    const probe = await client.request('GET', SESSION_PROBE)
    expect(probe.status).toBe(200)
    expect(await readJson(probe)).toEqual({ result: { data: { user: null } } })

    const me = await client.request('GET', '/api/v1/dashboard/users/me')
    expect(me.status).toBe(401)
    expect(await readJson(me)).toEqual({ error: 'Not authenticated.' })
  })

  it('answers the logged-in user, the same as users/me, and null again after logout', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)

    const probe = await client.request('GET', SESSION_PROBE)
    expect(probe.status).toBe(200)
    const me = await readJson(await client.request('GET', '/api/v1/dashboard/users/me'))
    expect(await readJson(probe)).toEqual({ result: { data: me } })
    expect(me.user.email).toBe(user.email)

    expect((await client.request('POST', '/api/v1/dashboard/logout')).status).toBe(200)
    const after = await client.request('GET', SESSION_PROBE)
    expect(after.status).toBe(200)
    expect(await readJson(after)).toEqual({ result: { data: { user: null } } })
  })
})
