import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DashboardClient,
  callClientApi,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../../src/testing.ts'
import { captureLogs } from './log-capture.ts'
import { selectRows } from './database-rows.ts'
import { trpcMutation } from './trpc-over-http.ts'

describe.each(testDatabaseTargets())('no secrets in the logs ($name)', (target) => {
  const { logger, lines } = captureLogs()
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { logger, LOG_LEVEL: 'trace' })
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('a whole flow logs requests but never a key, a password, a cookie or a session id', async () => {
    const user = await server.createUser({ plan: 'pro', password: 'log-scan password that is secret' })
    const client = new DashboardClient(server.url)
    const secrets: string[] = [user.password]

    expect((await client.login(user.email, 'a wrong password guess')).status).toBe(401)
    secrets.push('a wrong password guess')
    expect((await client.login(user.email, user.password)).status).toBe(200)
    const cookieValue = client.cookie.slice(client.cookie.indexOf('=') + 1)
    secrets.push(cookieValue, decodeURIComponent(cookieValue))

    const created = await client.createKey('log scan')
    secrets.push(created.key)
    expect((await callClientApi(server.url, created.key)).status).toBe(200)
    expect((await client.request('GET', '/api/v1/dashboard/users/me/api-keys')).status).toBe(200)
    // The key in places a careless log line might pick up: the query string and a bad body.
    expect(
      (
        await fetch(`${server.url}/api/v1/client/users/me?api_key=${created.key}`, {
          headers: { 'x-api-key': created.key },
        })
      ).status,
    ).toBe(200)
    const badJson = await fetch(`${server.url}/api/v1/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email": "${user.email}", "password": "${user.password}"`,
    })
    expect(badJson.status).toBe(400)
    expect(
      (
        await trpcMutation(new DashboardClient(server.url), 'auth.login', {
          email: user.email,
          password: user.password,
        })
      ).status,
    ).toBe(200)
    expect((await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${created.prefix}`)).status).toBe(200)
    expect((await callClientApi(server.url, created.key)).status).toBe(401)
    expect(
      (await fetch(`${server.url}/api/v1/dashboard/users/me`, { headers: { authorization: `Bearer ${created.key}` } }))
        .status,
    ).toBe(401)
    const sessionIds = (await selectRows(server.services.database, 'select id from sessions')).map((r) => String(r.id))
    secrets.push(...sessionIds)
    expect((await client.request('POST', '/api/v1/dashboard/logout')).status).toBe(200)
    await server.services.lastUsed.flush()

    // The capture works: each request above left a line.
    const log = lines.join('')
    expect(log).toContain('POST /api/v1/dashboard/login 401')
    expect(log).toContain('GET /api/v1/client/users/me 200')
    expect(log).toContain(`DELETE /api/v1/dashboard/users/me/api-keys/${created.prefix} 200`)
    expect(sessionIds.length).toBeGreaterThan(0)
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(11)
      expect(log.includes(secret), `a secret (${secret.slice(0, 6)}…) appears in the logs`).toBe(false)
    }
  })
})
