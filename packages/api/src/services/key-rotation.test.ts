import { afterAll, beforeAll, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { apiKeys } from '@storra/db'
import type { TestDatabase } from '@storra/db/testing'
import { describeEachDatabase } from '@storra/db/testing/suites'
import { DASHBOARD_MESSAGES, EXPIRES_AT_MESSAGES, GRACE_PERIOD_MESSAGES } from '@storra/core'
import { apiKeyPolicy, createApiKey, listApiKeys, revokeApiKey, updateApiKey } from './api-keys.ts'
import { rotateApiKey, sweepQuietRotations } from './key-rotation.ts'
import { ServiceError } from './service-error.ts'
import { servicesFor } from './test-context.ts'

const DAY = 86_400_000

async function refusal(promise: Promise<unknown>): Promise<[string, string]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ServiceError)
  return [(error as ServiceError).code, (error as ServiceError).message]
}

describeEachDatabase('key rotation (services)', (target) => {
  let handle: TestDatabase
  let context: ReturnType<typeof servicesFor>
  beforeAll(async () => {
    handle = await target.create()
    context = servicesFor(handle, { keyLifecycle: { rotationQuietSeconds: 60 } })
  })
  afterAll(() => handle.dispose())

  const setLastUsed = (id: string, at: Date | null) =>
    handle.database.db.update(apiKeys).set({ lastUsed: at }).where(eq(apiKeys.id, id))
  const setRotatedAt = (id: string, at: Date) =>
    handle.database.db.update(apiKeys).set({ rotatedAt: at }).where(eq(apiKeys.id, id))

  it('issues a replacement carrying label, allowlist and expiry policy; the old key enters its grace period', async () => {
    const { services, makeUser } = context
    const user = await makeUser()
    const old = await createApiKey(services, user.id, {
      label: 'prod',
      ip_allowlist: ['10.0.0.0/8'],
      expires_at: new Date(Date.now() + 30 * DAY).toISOString(),
    })
    const before = Date.now()
    const fresh = await rotateApiKey(services, user.id, old.prefix, { grace_period_seconds: 3600 })
    expect(Object.keys(fresh)).toEqual([
      'id',
      'prefix',
      'label',
      'key',
      'created_at',
      'last_used',
      'expires_at',
      'ip_allowlist',
      'state',
      'replaced_by',
      'revoked_at',
      'revoked_reason',
      'last_used_ip',
      'last_used_user_agent',
    ])
    expect(fresh).toMatchObject({ label: 'prod', ip_allowlist: ['10.0.0.0/8'], state: 'active', replaced_by: null })
    // 30 days of life from now, as the old key had from its creation.
    const lifetime = Date.parse(fresh.expires_at!) - Date.parse(fresh.created_at)
    expect(Math.abs(lifetime - 30 * DAY)).toBeLessThan(5_000)

    const listed = await listApiKeys(services, user.id)
    const oldNow = listed.find((k) => k.prefix === old.prefix)!
    expect(oldNow).toMatchObject({ state: 'rotating', replaced_by: fresh.prefix, revoked_at: null })
    const graceEnd = Date.parse(oldNow.expires_at!)
    expect(graceEnd).toBeGreaterThanOrEqual(before + 3_600_000)
    expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000)

    expect(await refusal(rotateApiKey(services, user.id, old.prefix, {}))).toEqual([
      'CONFLICT',
      DASHBOARD_MESSAGES.keyAlreadyRotating,
    ])
  })

  it('refuses revoked, unknown and foreign keys (404) and bad grace periods (400) without writing', async () => {
    const { services, makeUser } = context
    const user = await makeUser()
    const other = await makeUser()
    const key = await createApiKey(services, user.id, 'k')
    const notFound = ['NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound]
    expect(await refusal(rotateApiKey(services, other.id, key.prefix, {}))).toEqual(notFound)
    expect(await refusal(rotateApiKey(services, user.id, 'sk_00000000', {}))).toEqual(notFound)
    expect(await refusal(rotateApiKey(services, user.id, 'nonsense', {}))).toEqual(notFound)
    for (const grace of [-1, 604_801, 0.5, '60'])
      expect(await refusal(rotateApiKey(services, user.id, key.prefix, { grace_period_seconds: grace }))).toEqual([
        'BAD_REQUEST',
        GRACE_PERIOD_MESSAGES.outOfRange,
      ])
    expect(await listApiKeys(services, user.id, { state: 'all' })).toHaveLength(1)
    await revokeApiKey(services, user.id, key.prefix)
    expect(await refusal(rotateApiKey(services, user.id, key.prefix, {}))).toEqual(notFound)
  })

  it('revokes the old key at once with a grace period of 0', async () => {
    const { services, makeUser } = context
    const user = await makeUser()
    const old = await createApiKey(services, user.id, 'k')
    const fresh = await rotateApiKey(services, user.id, old.prefix, { grace_period_seconds: 0 })
    expect((await services.verifier.verify(old.key)).ok).toBe(false)
    expect((await services.verifier.verify(fresh.key)).ok).toBe(true)
    const all = await listApiKeys(services, user.id, { state: 'all' })
    expect(all.find((k) => k.prefix === old.prefix)).toMatchObject({
      state: 'revoked',
      revoked_reason: 'rotation',
      replaced_by: fresh.prefix,
    })
    expect((await listApiKeys(services, user.id)).map((k) => k.prefix)).toEqual([fresh.prefix])
  })

  it('closes the grace period once the replacement is used and the old key has been quiet', async () => {
    const { services, makeUser } = context
    const user = await makeUser()
    const old = await createApiKey(services, user.id, 'k')
    const fresh = await rotateApiKey(services, user.id, old.prefix, {})
    const longAgo = new Date(Date.now() - 120_000)
    await setRotatedAt(old.id, longAgo)
    // The replacement has not been used: the old key stays.
    expect(await sweepQuietRotations(services)).toBe(0)
    await setLastUsed(fresh.id, new Date())
    // The old key was used recently: it stays.
    await setLastUsed(old.id, new Date(Date.now() - 10_000))
    expect(await sweepQuietRotations(services)).toBe(0)
    await setLastUsed(old.id, longAgo)
    expect((await services.verifier.verify(old.key)).ok).toBe(true)
    expect(await sweepQuietRotations(services)).toBe(1)
    expect(await sweepQuietRotations(services)).toBe(0)
    expect((await services.verifier.verify(old.key)).ok).toBe(false)
    const all = await listApiKeys(services, user.id, { state: 'all' })
    expect(all.find((k) => k.prefix === old.prefix)).toMatchObject({
      state: 'revoked',
      revoked_reason: 'rotation_quiet',
    })
  })

  it('edits label, expiry and allowlist in one write, or none', async () => {
    const { services, makeUser } = context
    const user = await makeUser()
    const key = await createApiKey(services, user.id, 'before')
    const bad = await refusal(
      updateApiKey(services, user.id, key.prefix, { label: 'after', ip_allowlist: ['10.0.0.0/33'] }),
    )
    expect(bad[0]).toBe('BAD_REQUEST')
    expect(bad[1]).toContain('ip_allowlist')
    expect((await listApiKeys(services, user.id))[0]!.label).toBe('before')
    const expires = new Date(Date.now() + DAY).toISOString()
    const updated = await updateApiKey(services, user.id, key.prefix, {
      label: 'after',
      expires_at: expires,
      ip_allowlist: ['::ffff:10.1.2.3', '10.1.2.3'],
    })
    expect(updated).toMatchObject({ label: 'after', expires_at: expires, ip_allowlist: ['10.1.2.3'] })
    expect(updated).not.toHaveProperty('key')
  })
  it('under a maximum lifetime: omitted is the maximum, never and beyond are refused, rotation is capped', async () => {
    const capped = servicesFor(handle, { keyLifecycle: { maxKeyLifetimeDays: 30 } })
    const { services } = capped
    const user = await context.makeUser()
    expect(apiKeyPolicy(services).max_key_lifetime_days).toBe(30)
    const before = Date.now()
    const key = await createApiKey(services, user.id, {})
    const expires = Date.parse(key.expires_at!)
    expect(expires).toBeGreaterThanOrEqual(before + 30 * DAY)
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * DAY)
    expect(await refusal(createApiKey(services, user.id, { expires_at: null }))).toEqual([
      'BAD_REQUEST',
      EXPIRES_AT_MESSAGES.neverNotAllowed(30),
    ])
    const tooFar = new Date(Date.now() + 31 * DAY).toISOString()
    expect(await refusal(createApiKey(services, user.id, { expires_at: tooFar }))).toEqual([
      'BAD_REQUEST',
      EXPIRES_AT_MESSAGES.tooFar(30),
    ])
    expect(await refusal(updateApiKey(services, user.id, key.prefix, { expires_at: null }))).toEqual([
      'BAD_REQUEST',
      EXPIRES_AT_MESSAGES.neverNotAllowed(30),
    ])
    // A key made before the maximum existed (never expires) is replaced by one that lives 30 days.
    const legacy = await createApiKey(context.services, user.id, { expires_at: null })
    const fresh = await rotateApiKey(services, user.id, legacy.prefix, {})
    expect(Date.parse(fresh.expires_at!)).toBeLessThanOrEqual(Date.now() + 30 * DAY)
    await capped.services.stop()
  })
})
