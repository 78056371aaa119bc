import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
} from '../../src/testing.ts'

// Issue 10.5: one batch of 11 wrong-password logins had all 11 passwords checked, because
// each call only looked at the count before its argon2 work and counted after it. Every
// attempt now counts before its work starts, however attempts are packed.
const LIMITS = { failuresPerEmail: 3, failuresPerIp: 5, windowSeconds: 60 }
const TRPC = '/api/v1/dashboard/trpc'
let ipCounter = 0
const nextIp = () => `198.51.100.${++ipCounter}`

interface BatchItem {
  error?: { data: { code: string; httpStatus: number } }
  result?: unknown
}

describe.each(testDatabaseTargets())('login attempts are counted before their work ($name)', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, {
      http: { trustProxy: 'loopback' },
      limits: { login: LIMITS, passwordWork: { maxQueued: 1000, maxWaitMs: 120_000 } },
    })
  })
  afterAll(() => server?.dispose())

  /** One tRPC batch of `count` auth.login calls, as httpBatchLink sends it. */
  async function loginBatch(ip: string, calls: { email: string; password: string }[]): Promise<BatchItem[]> {
    const input = Object.fromEntries(calls.map((call, i) => [i, call]))
    const res = await new DashboardRestClient(server.url).request(
      'POST',
      `${TRPC}/${calls.map(() => 'auth.login').join(',')}?batch=1`,
      input,
      { 'x-forwarded-for': ip },
    )
    return (await readJson(res)) as BatchItem[]
  }
  const codes = (items: BatchItem[]) => items.map((item) => item.error?.data.code ?? 'OK')
  const count = (items: BatchItem[], code: string) => codes(items).filter((c) => c === code).length

  it('checks at most the per-account limit of passwords in one batch of 10 wrong guesses', async () => {
    const user = await server.createUser({})
    const items = await loginBatch(
      nextIp(),
      Array.from({ length: 10 }, () => ({ email: user.email, password: 'wrong password guess' })),
    )
    expect(count(items, 'UNAUTHORIZED')).toBe(LIMITS.failuresPerEmail)
    expect(count(items, 'TOO_MANY_REQUESTS')).toBe(10 - LIMITS.failuresPerEmail)
    // The right password is refused now too: the guesses were counted.
    const after = await new DashboardRestClient(server.url).request(
      'POST',
      '/api/v1/dashboard/login',
      { email: user.email, password: user.password },
      { 'x-forwarded-for': nextIp() },
    )
    expect(after.status).toBe(429)
  })

  it('holds the per-IP limit inside one batch over many accounts', async () => {
    const ip = nextIp()
    const items = await loginBatch(
      ip,
      Array.from({ length: 10 }, (_, i) => ({
        email: `nobody-${i}-${target.name}@example.com`,
        password: 'some password here',
      })),
    )
    expect(count(items, 'UNAUTHORIZED')).toBe(LIMITS.failuresPerIp)
    expect(count(items, 'TOO_MANY_REQUESTS')).toBe(10 - LIMITS.failuresPerIp)
  })

  it('holds the limit across parallel requests too', async () => {
    const user = await server.createUser({})
    const client = new DashboardRestClient(server.url)
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.request(
          'POST',
          '/api/v1/dashboard/login',
          { email: user.email, password: 'wrong password guess' },
          { 'x-forwarded-for': nextIp() },
        ),
      ),
    )
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 401).length).toBe(LIMITS.failuresPerEmail)
    expect(statuses.filter((s) => s === 429).length).toBe(10 - LIMITS.failuresPerEmail)
  })

  it('does not count successful logins against the IP', async () => {
    const ip = nextIp()
    const user = await server.createUser({})
    for (let i = 0; i < LIMITS.failuresPerIp + 2; i++) {
      const res = await new DashboardRestClient(server.url).request(
        'POST',
        '/api/v1/dashboard/login',
        { email: user.email, password: user.password },
        { 'x-forwarded-for': ip },
      )
      expect(res.status).toBe(200)
    }
  })
})
