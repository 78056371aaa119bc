import { afterAll, beforeAll, expect, it } from 'vitest'
import { DashboardRestClient, startTestServer, type TestServer, readJson } from '../src/testing.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

describeEachDatabase('bad input', (target) => {
  let server: TestServer
  let client: DashboardRestClient
  beforeAll(async () => {
    server = await startTestServer(target)
    const user = await server.createUser({ plan: 'pro' })
    client = new DashboardRestClient(server.url)
    await client.login(user.email, user.password)
  })
  afterAll(() => server?.dispose())

  const raw = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(server.url + path, { ...init, headers: { cookie: client.cookie, ...init.headers } })

  it('answers invalid JSON with 400 {"error"}', async () => {
    const res = await raw('/api/v1/dashboard/users/me/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"label":',
    })
    expect(res.status).toBe(400)
    expect(await readJson(res)).toEqual({ error: 'Request body is not valid JSON.' })
  })

  it('answers wrong types with 400 {"error"}', async () => {
    for (const body of ['[]', '"text"', '{"email": 1, "password": []}', 'null']) {
      const res = await raw('/api/v1/dashboard/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
      expect(res.status, body).toBe(400)
      const json = await readJson(res)
      expect(Object.keys(json)).toEqual(['error'])
      expect(json.error).not.toMatch(/^\s*[[{]/) // a sentence, not a dumped validation object
    }
  })

  it('answers oversized bodies with 413 {"error"}', async () => {
    const res = await raw('/api/v1/dashboard/users/me/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'x'.repeat(1_000_000) }),
    })
    expect(res.status).toBe(413)
    expect(await readJson(res)).toEqual({ error: 'Request body too large.' })
  })

  it('answers huge and odd header values without a 500', async () => {
    const big = await fetch(server.url + '/api/v1/client/users/me', {
      headers: { 'x-api-key': 'sk_' + 'a'.repeat(8000) },
    })
    expect(big.status).toBe(401)
    expect(await readJson(big)).toEqual({ detail: 'User not found.' })
    const odd = await fetch(server.url + '/api/v1/client/users/me', {
      headers: { 'x-api-key': 'sk_\u00e9\u00ff\u0080' },
    })
    expect(odd.status).toBe(401)
    const tooBig = await fetch(server.url + '/api/v1/client/users/me', { headers: { 'x-api-key': 'a'.repeat(20_000) } })
    expect(tooBig.status).toBe(431) // Node refuses headers over 16 KiB before any of our code runs
  })

  it('answers unknown routes in the family shape', async () => {
    const dashboard = await raw('/api/v1/dashboard/nope')
    expect(dashboard.status).toBe(404)
    expect(await readJson(dashboard)).toEqual({ error: 'Not found.' })
    const client404 = await raw('/api/v1/client/nope')
    expect(await readJson(client404)).toEqual({ detail: 'Not Found' })
    const other = await raw('/api/v2/anything')
    expect(other.status).toBe(404)
    expect(await readJson(other)).toEqual({ error: 'Not found.' })
    const wrongMethod = await raw('/api/v1/dashboard/users/me/api-keys', { method: 'PUT' })
    expect(wrongMethod.status).toBe(405)
    expect(await readJson(wrongMethod)).toEqual({ error: 'Method Not Allowed' })
  })

  it('reports readiness and liveness', async () => {
    expect(await (await fetch(server.url + '/healthz')).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(server.url + '/readyz')).json()).toEqual({ status: 'ok', database: target.name })
  })
})
