import { afterAll, beforeAll, expect, it } from 'vitest'
import { DashboardRestClient, callClientApi, startTestServer, type TestServer } from '../../src/testing.ts'
import { formatApiKey } from '@storra/core'
import { captureLogs } from './log-capture.ts'
import { selectRows } from './database-rows.ts'
import { trpcMutation } from './trpc-over-http.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

describeEachDatabase('no secrets in the logs', (target) => {
  const { logger, lines } = captureLogs()
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { logger, log: { level: 'trace' } })
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('a whole flow logs requests but never a key, a password, a cookie or a session id', async () => {
    const user = await server.createUser({ plan: 'pro', password: 'log-scan password that is secret' })
    const client = new DashboardRestClient(server.url)
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
        await trpcMutation(new DashboardRestClient(server.url), 'auth.login', {
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

  // Issue 10 item 7: a whole key sent where a prefix belongs (a revoke URL) was logged twice.
  it('keys are redacted from every line, whatever field a key arrives in: path, query, header, body, error message', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    const created = await client.createKey('redaction')
    // A key with a wrong checksum is a secret too (a mistyped real key).
    const mistyped = created.key.slice(0, -1) + (created.key.endsWith('A') ? 'B' : 'A')
    const other = formatApiKey('0123456789abcdefghijABCDEFGHIJ01')
    const keys = [created.key, mistyped, other]

    // The reported case: the whole key in the revoke URL answers 404.
    expect((await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${created.key}`)).status).toBe(404)
    expect((await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${mistyped}`)).status).toBe(404)
    // In a path the client API does not know, glued to other characters, and in the query.
    expect((await callClientApi(server.url, created.key, `/api/v1/client/x${created.key}`)).status).toBe(404)
    expect(
      (await callClientApi(server.url, other, `/api/v1/client/users/me?api_key=${other}&k=${mistyped}`)).status,
    ).toBe(401)
    // In a header and in a body that fails to parse (V8 quotes the text in its message).
    expect(
      (await fetch(`${server.url}/api/v1/dashboard/users/me`, { headers: { authorization: `Bearer ${created.key}` } }))
        .status,
    ).toBe(401)
    const badJson = await fetch(`${server.url}/api/v1/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': mistyped },
      body: `{"email": "${other}"`,
    })
    expect(badJson.status).toBe(400)
    // Any call site, any field, any child logger: an error, a message, headers, a query.
    const err = new Error(`lookup failed for ${other}`)
    server.logger.child({ component: 'test' }).error(
      {
        err,
        url: `/x?key=${mistyped}`,
        query: { k: created.key },
        headers: { 'x-forwarded-for': other, 'x-api-key': created.key },
      },
      `could not use ${created.key}`,
    )
    expect((await callClientApi(server.url, created.key)).status).toBe(200)

    const log = lines.join('')
    // The capture works, and the lines still say what happened, with the key's public prefix.
    expect(log).toContain(`DELETE /api/v1/dashboard/users/me/api-keys/${created.prefix}[redacted] 404`)
    expect(log).toContain('lookup failed for sk_01234567[redacted]')
    expect(log).toContain('GET /api/v1/client/users/me 200')
    for (const key of keys) expect(log.includes(key), `a key (${key.slice(0, 11)}…) appears in the logs`).toBe(false)
    expect(log).not.toMatch(/sk_[0-9A-Za-z]{38}/)
  })
})
