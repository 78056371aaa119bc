import { TEST_DATABASE_URL } from '@storra/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '@storra/api'
import { DASHBOARD_MESSAGES } from '@storra/core'
import {
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestDatabaseTarget,
  type TestServer,
} from '../../src/testing.ts'
import { trpcMutation } from './trpc-over-http.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const WINDOW_SECONDS = 60
const LIMITS = { failuresPerEmail: 3, failuresPerIp: 5, windowSeconds: WINDOW_SECONDS }
const started: TestServer[] = []
afterAll(async () => {
  await Promise.all(started.splice(0).map((s) => s.dispose()))
})

// The server trusts X-Forwarded-For from loopback, so each test can be its own client IP.
let ipCounter = 0
const nextIp = () => `203.0.113.${++ipCounter}`

function loginFrom(client: DashboardRestClient, ip: string, email: string, password: string): Promise<Response> {
  return client.request('POST', '/api/v1/dashboard/login', { email, password }, { 'x-forwarded-for': ip })
}

function trpcLoginFrom(client: DashboardRestClient, ip: string, email: string, password: string): Promise<Response> {
  return trpcMutation(client, 'auth.login', { email, password }, { 'x-forwarded-for': ip })
}

async function startThrottledServer(target: TestDatabaseTarget, databaseUrl?: string): Promise<TestServer> {
  const server = await startTestServer(target, {
    limits: { login: LIMITS },
    http: { trustProxy: 'loopback' },
    databaseUrl,
  })
  started.push(server)
  return server
}

async function expectThrottled(res: Response): Promise<void> {
  expect(res.status).toBe(429)
  const body = (await res.json()) as { error?: unknown }
  expect(Object.keys(body)).toEqual(['error'])
  expect(typeof body.error).toBe('string')
  const retryAfter = Number(res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS)
}

describeEachDatabase('login throttling', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startThrottledServer(target)
  })

  it('refuses an account with 429 and Retry-After after repeated failures, even with the right password', async () => {
    const user = await server.createUser({})
    const client = new DashboardRestClient(server.url)
    // Each guess from a different IP: only the per-account count can stop them.
    for (let i = 0; i < LIMITS.failuresPerEmail; i++)
      expect((await loginFrom(client, nextIp(), user.email, 'wrong password guess')).status).toBe(401)
    await expectThrottled(await loginFrom(client, nextIp(), user.email, user.password))
    // Another account from the same IP is unaffected: the limit is per account.
    const other = await server.createUser({})
    expect((await loginFrom(client, nextIp(), other.email, other.password)).status).toBe(200)
  })

  it('refuses an IP with 429 after failures spread over many accounts', async () => {
    const user = await server.createUser({})
    const client = new DashboardRestClient(server.url)
    const ip = nextIp()
    for (let i = 0; i < LIMITS.failuresPerIp; i++)
      expect((await loginFrom(client, ip, `nobody${i}@example.com`, 'some password here')).status).toBe(401)
    await expectThrottled(await loginFrom(client, ip, user.email, user.password))
    expect((await loginFrom(client, nextIp(), user.email, user.password)).status).toBe(200)
  })

  it('throttles the tRPC login too, with TOO_MANY_REQUESTS', async () => {
    const user = await server.createUser({})
    const client = new DashboardRestClient(server.url)
    for (let i = 0; i < LIMITS.failuresPerEmail; i++)
      expect((await trpcLoginFrom(client, nextIp(), user.email, 'nope nope nope')).status).toBe(401)
    const res = await trpcLoginFrom(client, nextIp(), user.email, user.password)
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe('TOO_MANY_REQUESTS')
  })

  it('answers an unknown email exactly as a wrong password', async () => {
    const user = await server.createUser({})
    const client = new DashboardRestClient(server.url)
    const wrongPassword = await loginFrom(client, nextIp(), user.email, 'not the right password')
    const unknownEmail = await loginFrom(client, nextIp(), 'no-such-account@example.com', 'not the right password')
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(wrongPassword.status)
    const bodies = [await wrongPassword.json(), await unknownEmail.json()]
    expect(bodies[0]).toEqual({ error: DASHBOARD_MESSAGES.invalidCredentials })
    expect(bodies[1]).toEqual(bodies[0])
    expect(unknownEmail.headers.get('set-cookie')).toBeNull()
    expect(wrongPassword.headers.get('set-cookie')).toBeNull()

    const viaTrpc = [
      await trpcLoginFrom(client, nextIp(), user.email, 'not the right password'),
      await trpcLoginFrom(client, nextIp(), 'no-such-account@example.com', 'not the right password'),
    ]
    const [a, b] = (await Promise.all(viaTrpc.map((r) => r.json()))) as {
      error: { message: string; data: { code: string } }
    }[]
    expect(viaTrpc.map((r) => r.status)).toEqual([401, 401])
    expect(b!.error.message).toBe(a!.error.message)
    expect(b!.error.data.code).toBe(a!.error.data.code)
  })

  it('refuses passwords shorter than 12 characters when an account is created', async () => {
    const email = `short-${target.name}@example.com`
    await expect(createUser(server.services, { email, password: 'elevenchars' })).rejects.toThrow(/at least 12/)
    expect((await loginFrom(new DashboardRestClient(server.url), nextIp(), email, 'elevenchars')).status).toBe(401)
    await expect(createUser(server.services, { email, password: 'twelve chars' })).resolves.toMatchObject({ email })
  })
})

describe.skipIf(!TEST_DATABASE_URL)('login throttling across instances (real PostgreSQL)', () => {
  it('two instances on one database share the failure count', async () => {
    const postgres = testDatabaseTargets().find((t) => t.name === 'postgres')!
    const first = await startThrottledServer(postgres)
    const second = await startThrottledServer(postgres, first.databaseUrl)
    const user = await first.createUser({})
    const clients = [new DashboardRestClient(first.url), new DashboardRestClient(second.url)]
    // Failures alternate between the instances: neither alone reaches the limit.
    for (let i = 0; i < LIMITS.failuresPerEmail; i++) {
      expect((await loginFrom(clients[i % 2]!, nextIp(), user.email, 'wrong password guess')).status).toBe(401)
    }
    await expectThrottled(await loginFrom(clients[0]!, nextIp(), user.email, user.password))
    await expectThrottled(await loginFrom(clients[1]!, nextIp(), user.email, user.password))
  })
})
