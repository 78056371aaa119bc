import { afterEach, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { apiKeys } from '@storra/db'
import type { TestDatabase } from '@storra/db/testing'
import { createApiKey } from './api-keys.ts'
import { rotateApiKey } from './key-rotation.ts'
import { servicesFor } from './test-context.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

describeEachDatabase('last_used', (target) => {
  let handle: TestDatabase | undefined
  afterEach(async () => {
    await handle?.dispose()
    handle = undefined
  })

  async function lastUsedOf(id: string) {
    const [row] = await handle!.database.db
      .select({ lastUsed: apiKeys.lastUsed })
      .from(apiKeys)
      .where(eq(apiKeys.id, id))
    return row!.lastUsed
  }

  it('writes the first use at once, then at most once a minute, and everything on stop', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const created = await createApiKey(services, user.id, 'busy')
    const t0 = new Date('2030-01-01T00:00:00.000Z')

    const first = await services.verifier.verify(created.key, t0)
    expect(first.ok).toBe(true)
    expect(await lastUsedOf(created.id)).toEqual(t0)
    expect(services.lastUsed.stats.rowsWritten).toBe(1)

    // A burst within the minute: recorded in memory only.
    for (let i = 1; i <= 200; i++) await services.verifier.verify(created.key, new Date(t0.getTime() + i * 100))
    await services.lastUsed.flush(false)
    expect(services.lastUsed.stats.rowsWritten).toBe(1)
    expect(await lastUsedOf(created.id)).toEqual(t0)

    // Shutdown writes the latest pending use, in one statement.
    await services.stop()
    expect(services.lastUsed.stats.rowsWritten).toBe(2)
    expect(await lastUsedOf(created.id)).toEqual(new Date(t0.getTime() + 200 * 100))
  })

  it('writes a rotating key’s uses on every flush, so the rotation sweep sees them within a second', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const old = await createApiKey(services, user.id, 'old')
    // Close to now: the rotated key's grace period (an hour) runs on the real clock.
    const t0 = new Date(Math.floor(Date.now() / 1000) * 1000)
    await services.verifier.verify(old.key, t0)
    await rotateApiKey(services, user.id, old.prefix, { grace_period_seconds: 3600 })
    const later = new Date(t0.getTime() + 5_000)
    const verified = await services.verifier.verify(old.key, later)
    expect(verified.ok && verified.key.rotating).toBe(true)
    // Within the minute, but the key is being replaced: the next (periodic) flush writes it.
    await services.lastUsed.flush(false)
    expect(await lastUsedOf(old.id)).toEqual(later)
    const again = new Date(later.getTime() + 1_000)
    await services.verifier.verify(old.key, again)
    await services.lastUsed.flush(false)
    expect(await lastUsedOf(old.id)).toEqual(again)
  })

  it('writes many keys in one statement and never moves last_used backwards', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const keys = await Promise.all(Array.from({ length: 5 }, (_, i) => createApiKey(services, user.id, `k${i}`)))
    const late = new Date('2031-01-01T00:00:00.000Z')
    for (const k of keys) await services.lastUsed.record(k.id, late, false)
    await services.lastUsed.flush(true)
    expect(services.lastUsed.stats.flushes).toBe(1)
    await services.lastUsed.record(keys[0]!.id, new Date('2030-06-01T00:00:00.000Z'), false)
    await services.lastUsed.flush(true)
    expect(await lastUsedOf(keys[0]!.id)).toEqual(late)
  })

  it('keeps pending uses when a flush fails and writes them later', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle)
    const user = await makeUser()
    const k = await createApiKey(services, user.id, 'k')
    const used = new Date('2030-02-02T00:00:00.000Z')
    await services.lastUsed.record(k.id, used, false)
    await handle.database.db.execute('alter table api_keys rename column last_used to last_used_tmp')
    await expect(services.lastUsed.flush(true)).rejects.toThrow()
    expect(services.lastUsed.pendingCount).toBe(1)
    await handle.database.db.execute('alter table api_keys rename column last_used_tmp to last_used')
    await services.lastUsed.flush(true)
    expect(await lastUsedOf(k.id)).toEqual(used)
  })
})
