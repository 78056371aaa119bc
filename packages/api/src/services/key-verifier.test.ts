import { afterEach, expect, it } from 'vitest'
import { generateApiKey, hashApiKey } from '@storra/core'
import type { TestDatabase } from '@storra/db/testing'
import { createApiKey, revokeApiKey } from './api-keys.ts'
import { servicesFor } from './test-context.ts'
import { setUserPlan } from './users.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

describeEachDatabase('KeyVerifier', (target) => {
  let handle: TestDatabase | undefined
  afterEach(async () => {
    await handle?.dispose()
    handle = undefined
  })

  async function setup() {
    handle = await target.create()
    return servicesFor(handle)
  }

  it('answers repeat verifications from the cache', async () => {
    const { services, makeUser } = await setup()
    const user = await makeUser()
    const { key } = await createApiKey(services, user.id, 'k')
    const first = await services.verifier.verify(key)
    expect(first.ok && first.key.user).toEqual({
      id: user.id,
      email: user.email,
      plan: 'pro',
      created_at: user.created_at,
    })
    for (let i = 0; i < 10; i++) expect((await services.verifier.verify(key)).ok).toBe(true)
    expect(services.verifier.stats).toMatchObject({ misses: 1, hits: 10 })
  })

  it('caches unknown keys and never looks up malformed ones', async () => {
    const { services } = await setup()
    const unknown = generateApiKey()
    expect(await services.verifier.verify(unknown)).toEqual({ ok: false, reason: 'unknown' })
    expect(await services.verifier.verify(unknown)).toEqual({ ok: false, reason: 'unknown' })
    expect(await services.verifier.verify('sk_nope')).toEqual({ ok: false, reason: 'malformed' })
    expect(services.verifier.stats).toMatchObject({ misses: 1, negativeHits: 1, malformed: 1 })
  })

  it('forgets a revoked key and a changed plan at once', async () => {
    const { services, makeUser } = await setup()
    const user = await makeUser()
    const a = await createApiKey(services, user.id, 'a')
    const b = await createApiKey(services, user.id, 'b')
    expect((await services.verifier.verify(a.key)).ok).toBe(true)
    expect((await services.verifier.verify(b.key)).ok).toBe(true)

    await setUserPlan(services, { userId: user.id }, 'free')
    const downgraded = await services.verifier.verify(b.key)
    expect(downgraded.ok && downgraded.key.user.plan).toBe('free')

    await revokeApiKey(services, user.id, a.prefix)
    // Refused as unknown, naming the revoked key so its attempts count against it; a repeat
    // comes from the negative cache, without the database.
    expect(await services.verifier.verify(a.key)).toEqual({ ok: false, reason: 'unknown', revokedKeyId: a.id })
    expect(services.verifier.stats.misses).toBe(4)
    expect(await services.verifier.verify(a.key)).toEqual({ ok: false, reason: 'unknown', revokedKeyId: a.id })
    expect(services.verifier.stats.misses).toBe(4)
  })

  it('holds expiry, allowlist and rotation; treats expired keys as unknown, from the cache alone', async () => {
    const { services, makeUser } = await setup()
    const user = await makeUser()
    const expiresAt = Date.now() + 60_000
    const created = await createApiKey(services, user.id, {
      expires_at: new Date(expiresAt).toISOString(),
      ip_allowlist: ['10.0.0.0/8'],
    })
    const verified = await services.verifier.verify(created.key)
    expect(verified.ok && verified.key.use).toMatchObject({ expiresAtMs: expiresAt, plan: 'pro' })
    expect(verified.ok && verified.key.use.allowlist).toHaveLength(1)
    expect(verified.ok && verified.key.rotating).toBe(false)
    const misses = services.verifier.stats.misses
    const expired = { ok: false, reason: 'unknown', revokedKeyId: created.id }
    expect(await services.verifier.verify(created.key, new Date(expiresAt))).toEqual(expired)
    expect(await services.verifier.verify(created.key, new Date(expiresAt + 1))).toEqual(expired)
    expect(services.verifier.stats).toMatchObject({ misses, negativeHits: 1 })
  })

  it('does not cache what a lookup read while an invalidation happened', async () => {
    const { services, makeUser } = await setup()
    const user = await makeUser()
    const { key } = await createApiKey(services, user.id, 'racy')
    const pending = services.verifier.verify(key) // lookup in flight
    services.verifier.invalidate({ type: 'key', keyHash: hashApiKey(key) })
    expect((await pending).ok).toBe(true)
    expect(services.verifier.cacheSize).toBe(0)
  })

  it('can run without a cache', async () => {
    handle = await target.create()
    const { services, makeUser } = servicesFor(handle, { keyCache: { cacheSize: 0 } })
    const user = await makeUser()
    const { key } = await createApiKey(services, user.id, 'k')
    await services.verifier.verify(key)
    await services.verifier.verify(key)
    expect(services.verifier.stats.misses).toBe(2)
  })
})
