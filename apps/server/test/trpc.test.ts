import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client'
import type { AppRouter } from '@storra/api'
import { callClientApi, DashboardRestClient, startTestServer, type TestServer, readJson } from '../src/testing.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

/** A typed client that keeps the session cookie between calls, as the desktop app does. */
function cookieClient(baseUrl: string) {
  const jar = new DashboardRestClient(baseUrl)
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/api/v1/dashboard/trpc`, fetch: jar.fetch })],
  })
  return { client, jar }
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
    return undefined
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.code
    throw error
  }
}

describeEachDatabase('tRPC dashboard router', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.dispose())

  it('runs the whole key flow behind the same cookie as REST', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const { client, jar } = cookieClient(server.url)
    expect(await codeOf(client.auth.me.query())).toBe('UNAUTHORIZED')

    const { user: loggedIn } = await client.auth.login.mutate({ email: user.email, password: user.password })
    expect(loggedIn.email).toBe(user.email)
    expect(jar.cookie).toMatch(/^storra_session=/)
    expect((await client.auth.me.query()).user.id).toBe(user.id)

    const created = await client.apiKeys.create.mutate({ label: 'from tRPC' })
    expect(Object.keys(created).slice(0, 6)).toEqual(['id', 'prefix', 'label', 'key', 'created_at', 'last_used'])
    expect((await callClientApi(server.url, created.key)).status).toBe(200)

    // The REST API sees the same session and the same keys.
    const rest = await fetch(`${server.url}/api/v1/dashboard/users/me/api-keys`, { headers: { cookie: jar.cookie } })
    expect((await readJson(rest)).map((k: { prefix: string }) => k.prefix)).toEqual([created.prefix])

    const listed = await client.apiKeys.list.query()
    expect(listed).toHaveLength(1)
    expect(listed[0]).not.toHaveProperty('key')

    expect(await client.apiKeys.revoke.mutate({ prefix: created.prefix })).toEqual({ revoked: true })
    expect((await callClientApi(server.url, created.key)).status).toBe(401)
    expect(await codeOf(client.apiKeys.revoke.mutate({ prefix: created.prefix }))).toBe('NOT_FOUND')

    expect(await client.auth.logout.mutate()).toEqual({ ok: true })
    expect(await codeOf(client.apiKeys.list.query())).toBe('UNAUTHORIZED')
  })

  it('maps service failures to tRPC codes', async () => {
    const free = await server.createUser({ plan: 'free' })
    const { client } = cookieClient(server.url)
    expect(await codeOf(client.auth.login.mutate({ email: free.email, password: 'wrong password!' }))).toBe(
      'UNAUTHORIZED',
    )
    await client.auth.login.mutate({ email: free.email, password: free.password })
    expect(await codeOf(client.apiKeys.create.mutate({ label: 'x' }))).toBe('FORBIDDEN')
    expect(await codeOf(client.apiKeys.create.mutate({ label: 'x'.repeat(101) }))).toBe('BAD_REQUEST')
    expect(await codeOf(client.admin.listUsers.query())).toBe('FORBIDDEN')
    // @ts-expect-error: wrong input type on purpose
    expect(await codeOf(client.apiKeys.revoke.mutate({ prefix: 7 }))).toBe('BAD_REQUEST')
  })

  it('never leaks internals in error messages', async () => {
    const res = await fetch(`${server.url}/api/v1/dashboard/trpc/apiKeys.list`)
    expect(res.status).toBe(401)
    const text = await res.text()
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    expect(JSON.parse(text).error.data.code).toBe('UNAUTHORIZED')
  })
})
