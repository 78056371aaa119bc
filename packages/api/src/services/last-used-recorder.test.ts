import { afterEach, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { apiKeys, apiKeyUsage } from '@storra/db'
import type { TestDatabase } from '@storra/db/testing'
import { createApiKey } from './api-keys.ts'
import { rotateApiKey } from './key-rotation.ts'
import { servicesFor } from './test-context.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

describeEachDatabase('key use recorder', (target) => {
  let handle: TestDatabase | undefined
  afterEach(async () => {
    await handle?.dispose()
    handle = undefined
  })

  async function lastUseOf(id: string) {
    const [row] = await handle!.database.db
      .select({ at: apiKeys.lastUsed, ip: apiKeys.lastUsedIp, ua: apiKeys.lastUsedUserAgent })
      .from(apiKeys)
      .where(eq(apiKeys.id, id))
    return row!
  }

  async function usageOf(id: string) {
    return handle!.database.db
      .select({
        start: apiKeyUsage.start,
        granularity: apiKeyUsage.granularity,
        ok: apiKeyUsage.ok,
        planForbidden: apiKeyUsage.planForbidden,
        ipDenied: apiKeyUsage.ipDenied,
        rateLimited: apiKeyUsage.rateLimited,
        revoked: apiKeyUsage.revoked,
      })
      .from(apiKeyUsage)
      .where(eq(apiKeyUsage.keyId, id))
      .orderBy(apiKeyUsage.start)
  }

  it('writes the first use at once, then the last use at most once a minute, and everything on stop', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const created = await createApiKey(services, user.id, 'busy')
    const t0 = new Date('2030-01-01T00:00:00.000Z')

    const first = await services.verifier.verify(created.key, t0)
    if (!first.ok) throw new Error('verification failed')
    // A refused request (here: from outside the allowlist) is counted, but is no use of the key.
    services.lastUsed.recordUse(created.id, 'ip_denied', '198.51.100.1', 'curl/8.5', t0.getTime())
    await services.lastUsed.flush(false, t0.getTime())
    expect(await lastUseOf(created.id)).toEqual({ at: null, ip: null, ua: null })
    expect(first.key.neverUsed).toBe(true)
    await services.lastUsed.recordAccepted(first.key, '203.0.113.7', 'curl/8.5', t0.getTime())
    expect((await lastUseOf(created.id)).at).toEqual(t0)
    expect(services.lastUsed.stats.rowsWritten).toBe(1)
    // The IP and user agent follow with the next flush.
    await services.lastUsed.flush(false, t0.getTime())
    expect(await lastUseOf(created.id)).toEqual({ at: t0, ip: '203.0.113.7', ua: 'curl/8.5' })
    expect(services.lastUsed.stats.rowsWritten).toBe(2)

    // A burst within the minute: recorded in memory only.
    for (let i = 1; i <= 200; i++) {
      const verified = await services.verifier.verify(created.key, new Date(t0.getTime() + i * 100))
      if (!verified.ok) throw new Error('verification failed')
      const at = t0.getTime() + i * 100
      if (i % 2) await services.lastUsed.recordAccepted(verified.key, `198.51.100.${i}`, 'x'.repeat(999), at)
      else services.lastUsed.recordUse(created.id, 'rate_limited', `198.51.100.${i + 100}`, 'refused', at)
    }
    await services.lastUsed.flush(false, t0.getTime() + 20_000)
    expect(services.lastUsed.stats.rowsWritten).toBe(2)
    expect(services.lastUsed.stats.usageRowsWritten).toBe(0)

    // Shutdown writes the latest pending use and the open minute's counts.
    await services.stop()
    expect(services.lastUsed.stats.rowsWritten).toBe(3)
    const last = await lastUseOf(created.id)
    // The latest accepted request (the refused ones after it are counted only).
    expect(last.at).toEqual(new Date(t0.getTime() + 199 * 100))
    expect(last.ip).toBe('198.51.100.199')
    expect(last.ua).toHaveLength(256)
    expect(await usageOf(created.id)).toEqual([
      { start: t0, granularity: 'minute', ok: 101, planForbidden: 0, ipDenied: 1, rateLimited: 100, revoked: 0 },
    ])
  })

  it('writes a rotating key’s uses on every flush, so the rotation sweep sees them within a second', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const old = await createApiKey(services, user.id, 'old')
    // Close to now: the rotated key's grace period (an hour) runs on the real clock.
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000)
    const first = await services.verifier.verify(old.key, t0)
    if (first.ok) await services.lastUsed.recordAccepted(first.key, '192.0.2.1', 'ua', t0.getTime())
    await rotateApiKey(services, user.id, old.prefix, { grace_period_seconds: 3600 })
    const use = async (at: Date) => {
      const verified = await services.verifier.verify(old.key, at)
      if (!verified.ok || !verified.key.rotating) throw new Error('expected a rotating key')
      // A refused request of a rotating key is not flushed promptly (nor at all as a use).
      services.lastUsed.recordUse(old.id, 'ip_denied', '198.51.100.1', 'ua', at.getTime() + 500)
      await services.lastUsed.recordAccepted(verified.key, '192.0.2.1', 'ua', at.getTime())
    }
    const later = new Date(t0.getTime() + 5_000)
    await use(later)
    // Within the minute, but the key is being replaced: the next (periodic) flush writes it.
    await services.lastUsed.flush(false)
    expect((await lastUseOf(old.id)).at).toEqual(later)
    const again = new Date(later.getTime() + 1_000)
    await use(again)
    await services.lastUsed.flush(false)
    expect((await lastUseOf(old.id)).at).toEqual(again)
  })

  it('writes a minute once it has ended, adding to what is there, one statement per table', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const keys = await Promise.all(Array.from({ length: 3 }, (_, i) => createApiKey(services, user.id, `k${i}`)))
    const t0 = Date.parse('2030-03-01T10:00:00.000Z')
    for (const k of keys) {
      services.lastUsed.recordUse(k.id, 'ok', '192.0.2.1', 'a', t0 + 1_000)
      services.lastUsed.recordUse(k.id, 'plan_forbidden', '192.0.2.1', 'a', t0 + 2_000)
    }
    // At t0 + 30 s nothing has ended; the last uses are due (never written yet).
    await services.lastUsed.flush(false, t0 + 30_000)
    expect(services.lastUsed.stats.usageRowsWritten).toBe(0)
    expect(services.lastUsed.stats.rowsWritten).toBe(3)
    for (const k of keys) services.lastUsed.recordUse(k.id, 'revoked', '192.0.2.1', 'a', t0 + 61_000)
    // At t0 + 61 s the first minute has ended: one row per key, in one statement.
    await services.lastUsed.flush(false, t0 + 61_500)
    expect(services.lastUsed.stats.usageRowsWritten).toBe(3)
    expect(services.lastUsed.stats.flushes).toBe(2)
    // A late request stamped in the first minute adds to its row.
    services.lastUsed.recordUse(keys[0]!.id, 'ip_denied', '192.0.2.9', 'b', t0 + 3_000)
    await services.lastUsed.flush(true)
    expect(await usageOf(keys[0]!.id)).toEqual([
      { start: new Date(t0), granularity: 'minute', ok: 1, planForbidden: 1, ipDenied: 1, rateLimited: 0, revoked: 0 },
      {
        start: new Date(t0 + 60_000),
        granularity: 'minute',
        ok: 0,
        planForbidden: 0,
        ipDenied: 0,
        rateLimited: 0,
        revoked: 1,
      },
    ])
    // Only accepted requests are uses: refused ones (plan, IP, revoked) are counted, never the last use.
    expect(await lastUseOf(keys[0]!.id)).toEqual({ at: new Date(t0 + 1_000), ip: '192.0.2.1', ua: 'a' })
    expect(await lastUseOf(keys[1]!.id)).toEqual({ at: new Date(t0 + 1_000), ip: '192.0.2.1', ua: 'a' })
    // An older use never replaces a newer one written earlier.
    services.lastUsed.recordUse(keys[1]!.id, 'ok', '192.0.2.50', 'old', t0 + 500)
    await services.lastUsed.flush(true)
    expect(await lastUseOf(keys[1]!.id)).toEqual({ at: new Date(t0 + 1_000), ip: '192.0.2.1', ua: 'a' })
    await services.stop()
  })

  it('keeps pending uses and counts when a flush fails and writes them later', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const k = await createApiKey(services, user.id, 'k')
    const used = Date.parse('2030-02-02T00:00:00.000Z')
    services.lastUsed.recordUse(k.id, 'ok', '192.0.2.1', 'ua', used)
    await handle.database.db.execute('alter table api_keys rename column last_used to last_used_tmp')
    await handle.database.db.execute('alter table api_key_usage rename column ok to ok_tmp')
    await expect(services.lastUsed.flush(true)).rejects.toThrow()
    expect(services.lastUsed.pendingCount).toBe(2)
    await handle.database.db.execute('alter table api_keys rename column last_used_tmp to last_used')
    await handle.database.db.execute('alter table api_key_usage rename column ok_tmp to ok')
    await services.lastUsed.flush(true)
    expect((await lastUseOf(k.id)).at).toEqual(new Date(used))
    expect((await usageOf(k.id)).map((row) => row.ok)).toEqual([1])
  })
})
