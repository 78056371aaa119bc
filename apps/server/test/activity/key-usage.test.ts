import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runMaintenance, setUserPlan } from '@storra/api'
import { describeEachDatabase } from '@storra/db/testing/suites'
import { loggedInClient, readJson, startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'

vi.setConfig({ testTimeout: 90_000, hookTimeout: 120_000 })

const KEYS = '/api/v1/dashboard/users/me/api-keys'
const CLIENT = '/api/v1/client/users/me'
const OUTCOMES = ['ok', 'plan_forbidden', 'ip_denied', 'rate_limited', 'revoked'] as const
type Totals = Record<(typeof OUTCOMES)[number], number>

function call(baseUrl: string, key: string, userAgent = 'curl/8.5'): Promise<Response> {
  return fetch(baseUrl + CLIENT, { headers: { 'x-api-key': key, 'user-agent': userAgent } })
}

/** Sums a usage answer's buckets per outcome. */
function totalsOf(body: { buckets: Totals[] }): Totals {
  const totals: Totals = { ok: 0, plan_forbidden: 0, ip_denied: 0, rate_limited: 0, revoked: 0 }
  for (const bucket of body.buckets) for (const o of OUTCOMES) totals[o] += bucket[o]
  return totals
}

describeEachDatabase('key usage over HTTP', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: { keyRequestsPerSecond: 3, failedKeyAttemptsPerIpPerMinute: 0 },
    })
  })
  afterAll(() => server?.dispose())

  it('counts each outcome against its key and shows the last use’s IP and user agent', async () => {
    const { client } = await loggedInClient(server)
    const key = await client.createKey('counted')
    const fenced = await readJson(
      await client.request('POST', KEYS, { label: 'fenced', ip_allowlist: ['192.0.2.0/24'] }),
    )
    const revoked = await client.createKey('revoked')
    expect((await client.request('DELETE', `${KEYS}/${revoked.prefix}`)).status).toBe(200)

    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await call(server.url, key.key)).status)
    expect((await call(server.url, fenced.key)).status).toBe(403)
    for (let i = 0; i < 4; i++) expect((await call(server.url, revoked.key)).status).toBe(401)
    await server.services.lastUsed.flush(true)

    const usage = await readJson(await client.request('GET', `${KEYS}/${key.prefix}/usage?window=24h`))
    expect(Object.keys(usage)).toEqual(['prefix', 'granularity', 'buckets'])
    expect([usage.prefix, usage.granularity]).toEqual([key.prefix, 'minute'])
    expect(totalsOf(usage)).toEqual({
      ok: statuses.filter((s) => s === 200).length,
      plan_forbidden: 0,
      ip_denied: 0,
      rate_limited: statuses.filter((s) => s === 429).length,
      revoked: 0,
    })
    const fencedUsage = await readJson(await client.request('GET', `${KEYS}/${fenced.prefix}/usage`))
    expect(totalsOf(fencedUsage)).toMatchObject({ ip_denied: 1, ok: 0 })
    const revokedUsage = await readJson(await client.request('GET', `${KEYS}/${revoked.prefix}/usage?window=7d`))
    expect(revokedUsage.granularity).toBe('hour')
    expect(totalsOf(revokedUsage)).toMatchObject({ revoked: 4, ok: 0 })

    const listed = await readJson(await client.request('GET', KEYS))
    const row = listed.find((k: { prefix: string }) => k.prefix === key.prefix)
    expect(row).toMatchObject({ last_used_ip: '127.0.0.1', last_used_user_agent: 'curl/8.5' })
    expect(row.last_used).not.toBeNull()

    // The key list's one-call summary: sparklines and revoked keys still tried today.
    const activity = await readJson(await client.request('GET', '/api/v1/dashboard/trpc/apiKeys.activity'))
    const summaries = activity.result.data.keys as { prefix: string; hourly: number[]; revoked_today: number }[]
    const counted = summaries.find((s) => s.prefix === key.prefix)!
    expect(counted.hourly).toHaveLength(24)
    expect(counted.hourly.reduce((a, b) => a + b, 0)).toBe(6)
    expect(summaries.find((s) => s.prefix === revoked.prefix)?.revoked_today).toBe(4)
  })

  it('refuses a bad window, an unknown key and another account’s key', async () => {
    const { client } = await loggedInClient(server)
    const key = await client.createKey('mine')
    const { client: stranger } = await loggedInClient(server)
    const bad = await client.request('GET', `${KEYS}/${key.prefix}/usage?window=1y`)
    expect(bad.status).toBe(400)
    expect((await readJson(bad)).error).toContain('window')
    expect((await client.request('GET', `${KEYS}/sk_00000000/usage`)).status).toBe(404)
    expect((await stranger.request('GET', `${KEYS}/${key.prefix}/usage`)).status).toBe(404)
    expect((await client.request('POST', `${KEYS}/${key.prefix}/usage`)).status).toBe(405)
  })

  it('rolls minutes older than 48 h up into hours and drops hours older than 90 days', async () => {
    const { client, user } = await loggedInClient(server)
    const key = await client.createKey('old traffic')
    const keyId = key.id
    const now = Date.now()
    const hourStart = (t: number) => t - (t % 3_600_000)
    const threeDaysAgo = hourStart(now - 72 * 3_600_000)
    const recorder = server.services.lastUsed
    // Explicit times: five minutes of one hour three days ago, one minute 100 days ago, one now.
    for (let m = 0; m < 5; m++) recorder.recordUse(keyId, 'ok', '192.0.2.1', 'a', threeDaysAgo + m * 60_000 + 1_000)
    recorder.recordUse(keyId, 'rate_limited', '192.0.2.1', 'a', threeDaysAgo + 30 * 60_000)
    recorder.recordUse(keyId, 'ok', '192.0.2.1', 'a', now - 100 * 86_400_000)
    await recorder.flush(true)
    expect(user.id).toBeTruthy()

    const first = await runMaintenance(server.services, { auditRetentionDays: 365 }, new Date(now))
    expect(first.usageRolledUp).toBeGreaterThanOrEqual(7)
    // A second pass (another instance, say) finds nothing left to move.
    const second = await runMaintenance(server.services, { auditRetentionDays: 365 }, new Date(now))
    expect(second.usageRolledUp).toBe(0)
    const week = await readJson(await client.request('GET', `${KEYS}/${key.prefix}/usage?window=7d`))
    expect(week.buckets).toEqual([
      {
        start: new Date(threeDaysAgo).toISOString(),
        ok: 5,
        plan_forbidden: 0,
        ip_denied: 0,
        rate_limited: 1,
        revoked: 0,
      },
    ])
    // The 100-day-old hour is past the 90 days kept; it was rolled up, then dropped next pass.
    const third = await runMaintenance(server.services, { auditRetentionDays: 365 }, new Date(now + 1))
    expect(first.usageDeleted + third.usageDeleted).toBeGreaterThanOrEqual(1)
    const month = await readJson(await client.request('GET', `${KEYS}/${key.prefix}/usage?window=30d`))
    expect(totalsOf(month)).toMatchObject({ ok: 5, rate_limited: 1 })
  })
})

const postgres = testDatabaseTargets().find((t) => t.name === 'postgres')

describe.skipIf(!postgres)('key usage across two instances on one PostgreSQL', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    const limits = { keyRequestsPerSecond: 5, failedKeyAttemptsPerIpPerMinute: 0 }
    a = await startTestServer(postgres!, { limits })
    b = await startTestServer(postgres!, { limits, databaseUrl: a.databaseUrl })
  })
  afterAll(async () => {
    await b?.close()
    await a?.dispose()
  })

  it('adds up exactly after a burst of mixed outcomes on both', async () => {
    const { client, user } = await loggedInClient(a)
    const busy = await client.createKey('busy')
    const fenced = await readJson(
      await client.request('POST', KEYS, { label: 'fenced', ip_allowlist: ['192.0.2.0/24'] }),
    )
    const gone = await client.createKey('gone')
    expect((await client.request('DELETE', `${KEYS}/${gone.prefix}`)).status).toBe(200)

    const expected = new Map<string, Totals>()
    const tally = (prefix: string, outcome: keyof Totals) => {
      const t = expected.get(prefix) ?? { ok: 0, plan_forbidden: 0, ip_denied: 0, rate_limited: 0, revoked: 0 }
      t[outcome]++
      expected.set(prefix, t)
    }
    const outcomeOf = (status: number): keyof Totals =>
      status === 200 ? 'ok' : status === 429 ? 'rate_limited' : status === 401 ? 'revoked' : 'plan_forbidden'
    const burst = async (plan: 'pro' | 'free') => {
      const jobs: Promise<void>[] = []
      for (let i = 0; i < 40; i++) {
        const server = i % 2 ? a : b
        const [key, prefix] =
          i % 5 === 0 ? [fenced.key, fenced.prefix] : i % 7 === 0 ? [gone.key, gone.prefix] : [busy.key, busy.prefix]
        jobs.push(
          call(server.url, key as string).then((res) => {
            const outcome = prefix === fenced.prefix && res.status === 403 ? 'ip_denied' : outcomeOf(res.status)
            if (plan === 'free' && res.status === 403 && prefix !== fenced.prefix)
              expect(outcome).toBe('plan_forbidden')
            tally(prefix as string, outcome)
          }),
        )
      }
      await Promise.all(jobs)
    }
    await burst('pro')
    await setUserPlan(a.services, { userId: user.id }, 'free')
    await burst('free')
    await Promise.all([a.services.lastUsed.flush(true), b.services.lastUsed.flush(true)])

    for (const [prefix, totals] of expected) {
      const usage = await readJson(await client.request('GET', `${KEYS}/${prefix}/usage`))
      expect(totalsOf(usage), prefix).toEqual(totals)
    }
    const all = [...expected.values()].reduce((n, t) => n + OUTCOMES.reduce((m, o) => m + t[o], 0), 0)
    expect(all).toBe(80)
    expect(expected.get(busy.prefix)!.plan_forbidden).toBeGreaterThan(0)
    expect(expected.get(busy.prefix)!.ok).toBeGreaterThan(0)
  })
})
