import { randomInt } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateApiKey } from '@storra/core'
import {
  callClientApi,
  DashboardRestClient,
  freePort,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  type TestServerOptions,
} from '../../src/testing.ts'
import { TEST_REDIS_URL } from '../../src/testing/env.ts'
import { captureLogs } from '../hardening/log-capture.ts'
import { hasRedisServer, startThrowawayRedis, type ThrowawayRedis } from './throwaway-redis.ts'

// Three instances behind one load balancer: one PostgreSQL (key cache invalidation by
// LISTEN/NOTIFY) and one Redis (shared limits). Both are real; neither is embeddable.
const postgres = testDatabaseTargets().find((target) => target.name === 'postgres')
const ready = postgres !== undefined && TEST_REDIS_URL !== undefined
const describeWithBoth = ready ? describe : describe.skip
const skipped = ready ? '' : ' (skipped: set TEST_DATABASE_URL and TEST_REDIS_URL to run)'

const PER_KEY_PER_SECOND = 5
const FAILURES_PER_IP = 6
const LOGIN_FAILURES_PER_EMAIL = 3
/** Revocation must reach every instance within this (issue 13); it normally takes milliseconds. */
const PROPAGATION_DEADLINE_MS = 1_000

/** A documentation-range address per call, so counts left in the shared Redis by earlier runs never apply. */
const freshIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`

function useKey(server: TestServer, key: string, ip: string): Promise<Response> {
  return fetch(`${server.url}/api/v1/client/users/me`, { headers: { 'x-api-key': key, 'x-forwarded-for': ip } })
}

/** `count` requests with `key` at once, dealt round-robin over `servers`; the statuses, bodies read. */
async function burst(servers: TestServer[], key: string, count: number): Promise<Response[]> {
  const ip = freshIp()
  const responses = await Promise.all(
    Array.from({ length: count }, (_, i) => useKey(servers[i % servers.length]!, key, ip)),
  )
  await Promise.all(responses.map((res) => res.clone().arrayBuffer()))
  return responses
}

const okCount = (responses: Response[]) => responses.filter((res) => res.status === 200).length

async function proKey(server: TestServer, label: string) {
  const user = await server.createUser({ plan: 'pro' })
  const dashboard = new DashboardRestClient(server.url)
  expect((await dashboard.login(user.email, user.password)).status).toBe(200)
  return { user, dashboard, created: await dashboard.createKey(label) }
}

/** One sample's value from the server's /metrics text. */
async function metric(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return line === undefined ? NaN : Number(line.split(' ')[1])
}

/** Polls `read` until `accept` holds or `ms` pass; the last value read. */
async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await read()
    if (accept(value) || Date.now() >= deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Polls the server's `storra_rate_limit_degraded` until it is `value` or `ms` pass; the last value read. */
function degradedWithin(server: TestServer, value: 0 | 1, ms: number): Promise<number> {
  return waitFor(
    () => metric(server, 'storra_rate_limit_degraded'),
    (v) => v === value,
    ms,
  )
}

/** Three instances on one PostgreSQL database and the Redis at `redisUrl`; the first owns the database. */
async function startThree(redisUrl: string, options: TestServerOptions = {}): Promise<TestServer[]> {
  const config: TestServerOptions = {
    ...options,
    http: { trustProxy: 'loopback' },
    redis: { url: redisUrl },
    limits: {
      keyRequestsPerSecond: PER_KEY_PER_SECOND,
      failedKeyAttemptsPerIpPerMinute: FAILURES_PER_IP,
      login: { failuresPerEmail: LOGIN_FAILURES_PER_EMAIL, failuresPerIp: 1_000, windowSeconds: 60 },
    },
  }
  const first = await startTestServer(postgres!, config)
  const others = await Promise.all(
    [1, 2].map(() => startTestServer(postgres!, { ...config, databaseUrl: first.databaseUrl })),
  )
  return [first, ...others]
}

async function stopThree(servers: TestServer[]): Promise<void> {
  const [first, ...others] = servers
  // The others only share the first one's database, which it drops: they let go first.
  await Promise.all(others.map((server) => server.close()))
  await first?.dispose()
}

describeWithBoth(`three instances, one PostgreSQL, one Redis${skipped}`, () => {
  let servers: TestServer[] = []
  beforeAll(async () => {
    servers = await startThree(TEST_REDIS_URL!)
  })
  afterAll(async () => {
    await stopThree(servers)
  })

  it('hold a key to its per-second limit together, not three times over', async () => {
    const { created } = await proKey(servers[0]!, 'shared rate')
    // Each instance alone would let PER_KEY_PER_SECOND through: 3N in all.
    const responses = await burst(servers, created.key, 3 * PER_KEY_PER_SECOND)
    expect(responses.every((res) => res.status === 200 || res.status === 429)).toBe(true)
    const ok = okCount(responses)
    expect(ok).toBeGreaterThanOrEqual(1)
    // N per window, and the burst can straddle at most one window boundary.
    expect(ok).toBeLessThanOrEqual(2 * PER_KEY_PER_SECOND)

    const allowed = responses.find((res) => res.status === 200)!
    expect(allowed.headers.get('ratelimit-policy')).toBe(`"key";q=${PER_KEY_PER_SECOND};w=1`)
    expect(allowed.headers.get('ratelimit')).toMatch(/^"key";r=\d+;t=[01]$/)
    const refused = responses.find((res) => res.status === 429)!
    expect(Object.keys((await refused.json()) as object)).toEqual(['detail'])
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(refused.headers.get('ratelimit')).toMatch(/^"key";r=0;t=[01]$/)
  })

  it('count failed keys per IP across instances', async () => {
    const { created } = await proKey(servers[0]!, 'blocked ip')
    const ip = freshIp()
    // Two failures on each instance: none alone reaches the limit, together they do.
    for (let i = 0; i < FAILURES_PER_IP; i++) {
      expect((await useKey(servers[i % 3]!, generateApiKey(), ip)).status).toBe(401)
    }
    for (const server of servers) {
      const res = await useKey(server, created.key, ip)
      expect(res.status).toBe(429)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
  })

  it('throttle logins per account across instances, through Redis', async () => {
    const user = await servers[0]!.createUser({ plan: 'pro' })
    for (let i = 0; i < LOGIN_FAILURES_PER_EMAIL; i++) {
      const res = await new DashboardRestClient(servers[i % 3]!.url).login(user.email, 'wrong password entirely')
      expect(res.status).toBe(401)
    }
    const refused = await new DashboardRestClient(servers[0]!.url).login(user.email, user.password)
    expect(refused.status).toBe(429)
    // The counts are in Redis (not only in the database's throttle table).
    const redis = new Redis(TEST_REDIS_URL!)
    try {
      expect(await redis.exists(`login_email:${user.email}`)).toBe(1)
    } finally {
      redis.disconnect()
    }
  })
})

const describeOutage = ready && hasRedisServer ? describe : describe.skip

describeOutage(
  `three instances through a Redis outage${ready && !hasRedisServer ? ' (skipped: no redis-server)' : skipped}`,
  () => {
    let redis: ThrowawayRedis
    let servers: TestServer[] = []
    const logs = captureLogs()
    beforeAll(async () => {
      // A Redis of this test's own: stopping it disturbs nobody else's use of 6379.
      redis = await startThrowawayRedis()
      servers = await startThree(redis.url, { logger: logs.logger })
    })
    afterAll(async () => {
      await stopThree(servers)
      await redis?.kill()
    })

    it('keep answering every request, per instance, and still hear revocations within a second', async () => {
      const before = await proKey(servers[0]!, 'before the outage')
      expect(okCount(await burst(servers, before.created.key, 3 * PER_KEY_PER_SECOND))).toBeLessThanOrEqual(
        2 * PER_KEY_PER_SECOND,
      )
      for (const server of servers) expect(await metric(server, 'storra_rate_limit_degraded')).toBe(0)

      const kept = await proKey(servers[0]!, 'through the outage')
      const revoked = await kept.dashboard.createKey('revoked during the outage')
      // Cached everywhere before Redis goes.
      for (const server of servers) expect((await callClientApi(server.url, revoked.key)).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 1_100)) // the next window: fresh counts

      await redis.kill()

      // Every instance answers, each on its own in-memory limits: a limited key, not an error.
      for (const server of servers) {
        const res = await useKey(server, kept.created.key, freshIp())
        expect(res.status).toBe(200)
        expect(res.headers.get('ratelimit-policy')).toBe(`"key";q=${PER_KEY_PER_SECOND};w=1`)
      }
      const during = await burst(servers, kept.created.key, 6 * PER_KEY_PER_SECOND)
      expect(during.every((res) => res.status === 200 || res.status === 429)).toBe(true)
      for (const server of servers) {
        expect(await degradedWithin(server, 1, 5_000)).toBe(1)
        expect(await metric(server, 'storra_rate_limit_fallbacks_total')).toBeGreaterThan(0)
      }
      expect(logs.lines.some((line) => line.includes('Redis unavailable'))).toBe(true)

      // Revocation rides on PostgreSQL, not Redis: seen everywhere within a second all the same.
      const revoke = await kept.dashboard.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${revoked.prefix}`)
      expect(revoke.status).toBe(200)
      const start = Date.now()
      for (const server of servers) {
        const status = await waitFor(
          async () => (await callClientApi(server.url, revoked.key)).status,
          (s) => s === 401,
          PROPAGATION_DEADLINE_MS - (Date.now() - start),
        )
        expect(status).toBe(401)
      }

      // Redis back: limits are shared again.
      await redis.restart()
      for (const server of servers) expect(await degradedWithin(server, 0, 10_000)).toBe(0)
      const after = await proKey(servers[0]!, 'after the outage')
      expect(okCount(await burst(servers, after.created.key, 3 * PER_KEY_PER_SECOND))).toBeLessThanOrEqual(
        2 * PER_KEY_PER_SECOND,
      )
    })

    it('start and serve while Redis is down, degraded until it answers', async () => {
      const nobody = `redis://127.0.0.1:${await freePort()}`
      const late = await startTestServer(postgres!, {
        databaseUrl: servers[0]!.databaseUrl,
        redis: { url: nobody },
        limits: { keyRequestsPerSecond: PER_KEY_PER_SECOND },
      })
      try {
        const { created } = await proKey(servers[0]!, 'served by a late instance')
        expect((await callClientApi(late.url, created.key)).status).toBe(200)
        expect(await degradedWithin(late, 1, 5_000)).toBe(1)
      } finally {
        await late.close()
      }
    })
  },
)
