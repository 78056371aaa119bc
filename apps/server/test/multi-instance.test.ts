import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUserPlan } from '@storra/api'
import {
  callClientApi,
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
} from '../src/testing.ts'

// Cross-instance invalidation rides on PostgreSQL LISTEN/NOTIFY; embedded PGlite is one
// process only, so there is nothing to test without a real server.
const postgresTarget = testDatabaseTargets().find((target) => target.name === 'postgres')
const describeWithPostgres = postgresTarget ? describe : describe.skip

/** Generous bound: the notification normally lands within milliseconds. */
const PROPAGATION_DEADLINE_MS = 1_000

const QUIET_SECONDS = 2
const KEYS = '/api/v1/dashboard/users/me/api-keys'

/** Calls the client API until it answers `status`, or gives up at the deadline; returns the last status. */
async function pollUntilStatus(
  baseUrl: string,
  key: string,
  status: number,
  deadlineMs = PROPAGATION_DEADLINE_MS,
): Promise<number> {
  const deadline = Date.now() + deadlineMs
  for (;;) {
    const res = await callClientApi(baseUrl, key)
    await res.arrayBuffer()
    if (res.status === status || Date.now() >= deadline) return res.status
  }
}

describeWithPostgres(
  `two instances on one PostgreSQL${postgresTarget ? '' : ' (skipped: set TEST_DATABASE_URL to run)'}`,
  () => {
    let a: TestServer
    let b: TestServer

    // Short quiet period and sweep interval, so a rotation's grace period closes within seconds.
    const keys = { rotationQuietSeconds: QUIET_SECONDS, rotationSweepIntervalMs: 100 }

    beforeAll(async () => {
      a = await startTestServer(postgresTarget!, { keys })
      b = await startTestServer(postgresTarget!, { databaseUrl: a.databaseUrl, keys })
    })
    afterAll(async () => {
      // B only shares A's database; A drops it, so B must let go first.
      await b?.close()
      await a?.dispose()
    })

    async function proKeyCreatedOnA(label: string) {
      const user = await a.createUser({ plan: 'pro' })
      const dashboard = new DashboardRestClient(a.url)
      expect((await dashboard.login(user.email, user.password)).status).toBe(200)
      return { user, dashboard, created: await dashboard.createKey(label) }
    }

    it('a key revoked through A is refused by B, which had it cached', async () => {
      const { dashboard, created } = await proKeyCreatedOnA('revoked across instances')
      expect((await callClientApi(a.url, created.key)).status).toBe(200)
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      // Proves B answered from its cache: the next call must not query the database.
      const missesBefore = b.services.verifier.stats.misses
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      expect(b.services.verifier.stats.misses).toBe(missesBefore)

      const revoke = await dashboard.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${created.prefix}`)
      expect(revoke.status).toBe(200)
      expect(await readJson(revoke)).toEqual({ revoked: true })

      expect(await pollUntilStatus(b.url, created.key, 401)).toBe(401)
      expect((await callClientApi(a.url, created.key)).status).toBe(401)
    })

    it('a batch of keys reported leaked to A is refused by B, which had them cached, within a second', async () => {
      const { dashboard, created } = await proKeyCreatedOnA('leaked across instances')
      const sibling = await dashboard.createKey('leaked sibling')
      for (const key of [created.key, sibling.key]) expect((await callClientApi(b.url, key)).status).toBe(200)

      const res = await fetch(`${a.url}/api/v1/public/credentials/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentials: [created.key, sibling.key] }),
      })
      expect(res.status).toBe(202)

      for (const key of [created.key, sibling.key]) expect(await pollUntilStatus(b.url, key, 401)).toBe(401)
    })

    it('a plan downgrade through A turns 200 into 403 on B', async () => {
      const { user, created } = await proKeyCreatedOnA('downgraded across instances')
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      const hitsBefore = b.services.verifier.stats.hits
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      expect(b.services.verifier.stats.hits).toBe(hitsBefore + 1)

      await setUserPlan(a.services, { userId: user.id }, 'free')

      expect(await pollUntilStatus(b.url, created.key, 403)).toBe(403)
      const res = await callClientApi(b.url, created.key)
      expect(res.status).toBe(403)
      expect(await readJson(res)).toEqual({ detail: 'API access requires Cloud Pro plan. Upgrade to use the API.' })
    })

    it('when the listener connections drop, B forgets its cache on reconnect and hears revocations again', async () => {
      const { dashboard, created } = await proKeyCreatedOnA('survives a listener drop')
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      expect(b.services.verifier.cacheSize).toBeGreaterThan(0)

      // Both instances' LISTEN connections (this test database only) are cut, as a failover would.
      const database = new URL(a.databaseUrl!).pathname.slice(1)
      // postgres-js answers with the rows themselves.
      const rows: unknown = await a.services.database.db.execute(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
       where datname = '${database}' and query ilike 'listen %' and pid <> pg_backend_pid()`,
      )
      const [terminated] = rows as { n: number }[]
      expect(terminated!.n).toBeGreaterThanOrEqual(2)

      // Messages may have been missed while disconnected, so B drops everything on reconnect.
      const deadline = Date.now() + 5_000
      while (b.services.verifier.cacheSize > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
      expect(b.services.verifier.cacheSize).toBe(0)

      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      expect((await dashboard.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${created.prefix}`)).status).toBe(
        200,
      )
      expect(await pollUntilStatus(b.url, created.key, 401)).toBe(401)
    })

    it('a revocation heard by B does not disturb B’s other cached keys', async () => {
      const kept = await proKeyCreatedOnA('kept')
      const revoked = await kept.dashboard.createKey('revoked sibling')
      for (const key of [kept.created.key, revoked.key]) expect((await callClientApi(b.url, key)).status).toBe(200)

      await kept.dashboard.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${revoked.prefix}`)
      expect(await pollUntilStatus(b.url, revoked.key, 401)).toBe(401)

      const missesBefore = b.services.verifier.stats.misses
      expect((await callClientApi(b.url, kept.created.key)).status).toBe(200)
      expect(b.services.verifier.stats.misses).toBe(missesBefore)
    })

    it('an IP allowlist set through A applies on B, which had the key cached', async () => {
      const { dashboard, created } = await proKeyCreatedOnA('restricted across instances')
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      const edit = await dashboard.request('PATCH', `${KEYS}/${created.prefix}`, { ip_allowlist: ['203.0.113.0/24'] })
      expect(edit.status).toBe(200)
      expect(await pollUntilStatus(b.url, created.key, 403)).toBe(403)
      expect(await readJson(await callClientApi(b.url, created.key))).toEqual({
        detail: 'This API key cannot be used from your IP address.',
      })
      // And back: an empty list is any address again.
      await dashboard.request('PATCH', `${KEYS}/${created.prefix}`, { ip_allowlist: [] })
      expect(await pollUntilStatus(b.url, created.key, 200)).toBe(200)
    })

    it('a key expires on B from what B holds, with no database lookup', async () => {
      const { dashboard } = await proKeyCreatedOnA('expiring across instances')
      const expiresAt = Date.now() + 1_500
      const res = await dashboard.request('POST', KEYS, { expires_at: new Date(expiresAt).toISOString() })
      const created = await readJson(res)
      expect((await callClientApi(b.url, created.key)).status).toBe(200)
      const missesBefore = b.services.verifier.stats.misses
      // Poll well past the expiry: B must refuse from its cache entry alone.
      const status = await pollUntilStatus(b.url, created.key, 401, 5_000)
      expect(status).toBe(401)
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt)
      expect(b.services.verifier.stats.misses).toBe(missesBefore)
      expect(await readJson(await callClientApi(b.url, created.key))).toEqual({ detail: 'User not found.' })
      expect((await callClientApi(a.url, created.key)).status).toBe(401)
    })

    it('a rotation through A: the old key, still used on B, lives on; once silent, it is revoked everywhere', async () => {
      const { dashboard, created: old } = await proKeyCreatedOnA('rotated across instances')
      expect((await callClientApi(b.url, old.key)).status).toBe(200)
      const rotated = await dashboard.request('POST', `${KEYS}/${old.prefix}/rotate`, { grace_period_seconds: 3600 })
      expect(rotated.status).toBe(200)
      const fresh = await readJson(rotated)
      expect((await callClientApi(a.url, fresh.key)).status).toBe(200)

      // Used on B only, more often than the quiet period, for longer than it: B's uses reach
      // the database within a second, so the sweep (on A and on B) must leave the key alone.
      const until = Date.now() + 2.5 * QUIET_SECONDS * 1000
      while (Date.now() < until) {
        expect((await callClientApi(b.url, old.key)).status).toBe(200)
        await new Promise((resolve) => setTimeout(resolve, 250))
      }

      // Then silent (polled through the dashboard: a call with the key would be a use): revoked
      // with reason rotation_quiet, and refused by both instances.
      const stateOfOld = async () => {
        const all = await readJson(await dashboard.request('GET', `${KEYS}?state=all`))
        return all.find((k: { prefix: string }) => k.prefix === old.prefix)
      }
      const deadline = Date.now() + 15_000
      let ended = await stateOfOld()
      while (ended.state !== 'revoked' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        ended = await stateOfOld()
      }
      expect(ended).toMatchObject({ state: 'revoked', revoked_reason: 'rotation_quiet', replaced_by: fresh.prefix })
      expect(await pollUntilStatus(b.url, old.key, 401)).toBe(401)
      expect((await callClientApi(a.url, old.key)).status).toBe(401)
      expect((await callClientApi(b.url, fresh.key)).status).toBe(200)
    })
  },
)
