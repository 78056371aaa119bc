import { afterAll, beforeAll, expect, it } from 'vitest'
import { DashboardRestClient, startTestServer, type TestServer } from '../../src/testing.ts'
import { isTrpcErrorEnvelope, trpcMutation } from './trpc-over-http.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const ALLOWED_ORIGIN = 'https://dashboard.storra.example'
const KEYS = '/api/v1/dashboard/users/me/api-keys'

describeEachDatabase('cross-site request defence', (target) => {
  let server: TestServer
  let client: DashboardRestClient
  beforeAll(async () => {
    server = await startTestServer(target, { web: { allowedOrigins: [ALLOWED_ORIGIN] } })
    const user = await server.createUser({ plan: 'pro' })
    client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  async function keyCount(): Promise<number> {
    const res = await client.request('GET', KEYS)
    expect(res.status).toBe(200)
    return ((await res.json()) as unknown[]).length
  }

  async function expectRefused(res: Response, status: number): Promise<void> {
    expect(res.status).toBe(status)
    const body = (await res.json()) as { error?: unknown }
    expect(Object.keys(body)).toEqual(['error'])
    expect(typeof body.error).toBe('string')
  }

  it('refuses writes from a foreign Origin with 403 {"error"} and writes nothing', async () => {
    const before = await keyCount()
    await expectRefused(await client.request('POST', KEYS, { label: 'csrf' }, { origin: 'https://evil.example' }), 403)
    await expectRefused(await client.request('POST', KEYS, { label: 'csrf' }, { origin: 'null' }), 403)
    // tRPC paths refuse in tRPC's envelope (issue 10 item 8; trpc-refusals.test.ts covers the kind).
    const viaTrpc = await trpcMutation(client, 'apiKeys.create', { label: 'csrf' }, { origin: 'https://evil.example' })
    expect(viaTrpc.status).toBe(403)
    expect(isTrpcErrorEnvelope(await viaTrpc.json())).toBe(true)
    const created = await client.createKey('mine')
    await expectRefused(
      await client.request('DELETE', `${KEYS}/${created.prefix}`, undefined, {
        origin: 'http://127.0.0.1.evil.example',
      }),
      403,
    )
    await expectRefused(
      await client.request('POST', '/api/v1/dashboard/logout', undefined, { origin: 'https://evil.example' }),
      403,
    )
    expect(await keyCount()).toBe(before + 1)
  })

  it('refuses bodies a plain HTML form can send with 415 {"error"}', async () => {
    const before = await keyCount()
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const res = await fetch(server.url + KEYS, {
        method: 'POST',
        headers: { cookie: client.cookie, 'content-type': type },
        body: type.startsWith('multipart')
          ? '--x\r\nContent-Disposition: form-data; name="label"\r\n\r\ncsrf\r\n--x--\r\n'
          : 'label=csrf',
      })
      await expectRefused(res, 415)
    }
    const login = await fetch(`${server.url}/api/v1/dashboard/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.com&password=whatever',
    })
    await expectRefused(login, 415)
    expect(await keyCount()).toBe(before)
  })

  it('accepts its own Origin, a configured Origin, and no Origin at all (curl)', async () => {
    const before = await keyCount()
    expect((await client.request('POST', KEYS, { label: 'same origin' }, { origin: server.url })).status).toBe(200)
    expect((await client.request('POST', KEYS, { label: 'allowed origin' }, { origin: ALLOWED_ORIGIN })).status).toBe(
      200,
    )
    expect((await client.request('POST', KEYS, { label: 'curl' })).status).toBe(200)
    expect(
      (await trpcMutation(client, 'apiKeys.create', { label: 'trpc same origin' }, { origin: server.url })).status,
    ).toBe(200)
    // Reads are not writes: a foreign Origin on a GET is answered normally.
    expect((await client.request('GET', KEYS, undefined, { origin: 'https://evil.example' })).status).toBe(200)
    expect(await keyCount()).toBe(before + 4)
  })

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const user = await server.createUser({})
    const res = await new DashboardRestClient(server.url).login(user.email, user.password)
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('storra_session='))
    expect(cookie).toMatch(/; HttpOnly/i)
    expect(cookie).toMatch(/; SameSite=Lax/i)
    expect(cookie).toMatch(/; Path=\//i)
  })
})
