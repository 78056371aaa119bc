import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateApiKey, INVALID_API_KEY_BODY } from '@storra/core'
import { DashboardRestClient, startTestServer, type TestServer } from '../../src/testing.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const PER_KEY_PER_SECOND = 3
const FAILURES_PER_IP = 5

let ipCounter = 0
const nextIp = () => `198.51.100.${++ipCounter}`

function useKey(server: TestServer, key: string, ip = '127.0.0.1'): Promise<Response> {
  return fetch(`${server.url}/api/v1/client/users/me`, { headers: { 'x-api-key': key, 'x-forwarded-for': ip } })
}

async function expectLimited(res: Response): Promise<void> {
  expect(res.status).toBe(429)
  const body = (await res.json()) as { detail?: unknown }
  expect(Object.keys(body)).toEqual(['detail'])
  expect(typeof body.detail).toBe('string')
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
}

async function issueKey(server: TestServer): Promise<string> {
  const user = await server.createUser({ plan: 'pro' })
  const client = new DashboardRestClient(server.url)
  expect((await client.login(user.email, user.password)).status).toBe(200)
  return (await client.createKey('rate limit test')).key
}

describeEachDatabase('client API limits', (target) => {
  let limited: TestServer
  let unlimited: TestServer
  beforeAll(async () => {
    const http = { trustProxy: 'loopback' }
    const failedKeyAttemptsPerIpPerMinute = FAILURES_PER_IP
    limited = await startTestServer(target, {
      http,
      limits: { failedKeyAttemptsPerIpPerMinute, keyRequestsPerSecond: PER_KEY_PER_SECOND },
    })
    unlimited = await startTestServer(target, {
      http,
      limits: { failedKeyAttemptsPerIpPerMinute, keyRequestsPerSecond: 0 },
    })
  })
  afterAll(async () => {
    await Promise.all([limited?.dispose(), unlimited?.dispose()])
  })

  it('answers a key over its rate with 429 {"detail"} and Retry-After, never 401', async () => {
    const key = await issueKey(limited)
    const other = await issueKey(limited)
    const burst = 4 * PER_KEY_PER_SECOND
    const responses = await Promise.all(Array.from({ length: burst }, () => useKey(limited, key)))
    const statuses = responses.map((r) => r.status)
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true)
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1)
    // Even split over two one-second windows, at most twice the rate can pass.
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2 * PER_KEY_PER_SECOND)
    for (const res of responses.filter((r) => r.status === 429)) await expectLimited(res)
    // The limit is per key: another key is not held back by this one's burst.
    expect((await useKey(limited, other)).status).toBe(200)
  })

  it('does not limit keys when STORRA_KEY_RATE_LIMIT is 0', async () => {
    const key = await issueKey(unlimited)
    const responses = await Promise.all(Array.from({ length: 30 }, () => useKey(unlimited, key)))
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(200))
  })

  it('refuses an IP with 429 {"detail"} after repeated failed keys, and only that IP', async () => {
    const key = await issueKey(limited)
    const ip = nextIp()
    for (let i = 0; i < FAILURES_PER_IP; i++) {
      const res = await useKey(limited, generateApiKey(), ip)
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(INVALID_API_KEY_BODY)
    }
    await expectLimited(await useKey(limited, generateApiKey(), ip))
    // Blocked means blocked: a guess that happens to be right gets no answer either.
    await expectLimited(await useKey(limited, key, ip))
    expect((await useKey(limited, key, nextIp())).status).toBe(200)
  })

  it('counts malformed keys as failures too', async () => {
    const ip = nextIp()
    for (let i = 0; i < FAILURES_PER_IP; i++) expect((await useKey(limited, `sk_not-a-key-${i}`, ip)).status).toBe(401)
    await expectLimited(await useKey(limited, 'sk_not-a-key', ip))
  })
})
