import { createTRPCClient, httpBatchLink, httpBatchStreamLink, TRPCClientError } from '@trpc/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppRouter } from '@storra/api'
import { STREAMED_COOKIE_CALL_MESSAGE } from '@storra/core'
import {
  DashboardRestClient,
  loggedInClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../../src/testing.ts'
import { rawRequest } from '../hardening/raw-http.ts'

// Issue 17.3: in a streamed batch (`trpc-accept: application/jsonl`) the headers go out
// before any procedure runs, so logout deleted the session row but never cleared the cookie
// (a 500 item), and login made a session whose cookie never arrived. Such calls are refused
// with a clear 400 before they run; everything else streams as before.
const TRPC = '/api/v1/dashboard/trpc'

/** A tRPC client over real HTTP that keeps the session cookie as a browser would. */
function cookieClient(
  server: TestServer,
  link: typeof httpBatchStreamLink | typeof httpBatchLink,
  jar: DashboardRestClient,
) {
  return createTRPCClient<AppRouter>({ links: [link({ url: server.url + TRPC, fetch: jar.fetch })] })
}

async function expectRefused(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TRPCClientError)
  const data = (error as TRPCClientError<AppRouter>).data
  expect(data?.code).toBe('BAD_REQUEST')
  expect(data?.httpStatus).toBe(400)
  expect((error as Error).message).toBe(STREAMED_COOKIE_CALL_MESSAGE)
}

describe.each(testDatabaseTargets())('cookie-setting procedures in streamed batches ($name)', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.dispose())

  async function loggedIn(): Promise<{ jar: DashboardRestClient; email: string; password: string }> {
    const { client, user } = await loggedInClient(server)
    return { jar: client, email: user.email, password: user.password }
  }
  const stillLoggedIn = async (jar: DashboardRestClient) =>
    (await jar.request('GET', '/api/v1/dashboard/users/me')).status === 200

  it('refuses login through httpBatchStreamLink, and creates no session', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const jar = new DashboardRestClient(server.url)
    await expectRefused(
      cookieClient(server, httpBatchStreamLink, jar).auth.login.mutate({ email: user.email, password: user.password }),
    )
    expect(jar.cookie).toBe('')
  })

  it('refuses logout through httpBatchStreamLink, and the session stays whole', async () => {
    const { jar } = await loggedIn()
    await expectRefused(cookieClient(server, httpBatchStreamLink, jar).auth.logout.mutate())
    expect(await stillLoggedIn(jar)).toBe(true)
  })

  it('refuses logoutEverywhere through httpBatchStreamLink, and the session stays whole', async () => {
    const { jar } = await loggedIn()
    await expectRefused(cookieClient(server, httpBatchStreamLink, jar).auth.logoutEverywhere.mutate())
    expect(await stillLoggedIn(jar)).toBe(true)
  })

  it('refuses changePassword through httpBatchStreamLink, and the password is unchanged', async () => {
    const { jar, email, password } = await loggedIn()
    await expectRefused(
      cookieClient(server, httpBatchStreamLink, jar).auth.changePassword.mutate({
        currentPassword: password,
        newPassword: 'another long password',
      }),
    )
    expect((await new DashboardRestClient(server.url).login(email, password)).status).toBe(200)
  })

  it('answers the raw reported request with status 400, not 200 with a 500 item', async () => {
    const { jar } = await loggedIn()
    for (const accept of [{ 'trpc-accept': 'application/jsonl' }, { accept: 'application/jsonl' }] as Record<
      string,
      string
    >[]) {
      const res = await rawRequest(`${server.url}${TRPC}/auth.logout?batch=1`, {
        method: 'POST',
        headers: { cookie: jar.cookie, 'content-type': 'application/json', ...accept },
        body: '{}',
      })
      expect(res.status).toBe(400)
      expect(res.body).not.toContain('INTERNAL_SERVER_ERROR')
      expect(res.headers['set-cookie']).toBeUndefined()
    }
    expect(await stillLoggedIn(jar)).toBe(true)
  })

  it('still streams other procedures, and the same calls work unstreamed', async () => {
    const { jar } = await loggedIn()
    const streamed = cookieClient(server, httpBatchStreamLink, jar)
    expect((await streamed.auth.me.query()).user.email).toBeTruthy()
    expect(await streamed.apiKeys.list.query()).toEqual([])
    await cookieClient(server, httpBatchLink, jar).auth.logout.mutate()
    expect(jar.cookie).toBe('')
  })
})
