import { afterEach, describe, expect, it } from 'vitest'
import type { Database } from '@storra/db'
import { testDatabaseTargets, type TestDatabase } from '@storra/db/testing'
import { createCacheInvalidation, type CacheInvalidation, type Invalidation } from './cache-invalidation.ts'

const postgres = testDatabaseTargets().find((t) => t.name === 'postgres')

async function eventually(check: () => boolean, what: string, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!postgres)('cache invalidation across instances (PostgreSQL)', () => {
  let handle: TestDatabase | undefined
  const started: CacheInvalidation[] = []
  afterEach(async () => {
    for (const invalidation of started.splice(0)) await invalidation.stop()
    await handle?.dispose()
    handle = undefined
  })

  it('delivers another instance’s invalidations', async () => {
    handle = await postgres!.create()
    const a = createCacheInvalidation(handle.database)
    const b = createCacheInvalidation(handle.database)
    const heard: Invalidation[] = []
    b.subscribe((m) => heard.push(m))
    await Promise.all([a.start(), b.start()])
    started.push(a, b)
    await a.publish({ type: 'key', keyHash: 'abc' })
    await eventually(() => heard.some((m) => m.type === 'key' && m.keyHash === 'abc'), 'the key invalidation')
  })

  it('notices a listener that went deaf, drops the cache and listens again', async () => {
    handle = await postgres!.create()
    const real = handle.database
    // The first subscription silently hears nothing, as when postgres.js gives up re-listening.
    let listens = 0
    const deafAtFirst: Database = {
      ...real,
      kind: real.kind,
      db: real.db,
      listen: (channel, onMessage, onReady) =>
        ++listens === 1 ? Promise.resolve(async () => {}) : real.listen(channel, onMessage, onReady),
    }
    const b = createCacheInvalidation(deafAtFirst, { heartbeatMs: 400 })
    const heard: Invalidation[] = []
    b.subscribe((m) => heard.push(m))
    await b.start()
    started.push(b)

    // Two drops of the whole cache: one on noticing the silence, one when the new listener is ready.
    await eventually(
      () => listens >= 2 && heard.filter((m) => m.type === 'all').length >= 2,
      'the deaf listener to be replaced',
    )
    const a = createCacheInvalidation(real)
    await a.publish({ type: 'user', userId: 'u1' })
    await eventually(() => heard.some((m) => m.type === 'user' && m.userId === 'u1'), 'an invalidation after recovery')
    // Heartbeats are never mistaken for invalidations.
    expect(heard.every((m) => m.type !== ('ping' as string))).toBe(true)
  })
})
