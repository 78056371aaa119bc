import { describe, expect, it } from 'vitest'
import { EXPIRES_AT_MESSAGES, GRACE_PERIOD_MESSAGES } from './errors.ts'
import { compileIpAllowlist } from './ip-allowlist.ts'
import {
  checkExpiresAt,
  checkGracePeriod,
  decideKeyUse,
  EXPIRY_CLOCK_SKEW_MS,
  graceEndOf,
  isRotationQuiet,
  keyStateOf,
  parseIsoUtc,
  replacementExpiryOf,
} from './key-policy.ts'

const NOW = Date.UTC(2030, 0, 15, 12, 0, 0)
const DAY = 86_400_000
const at = (ms: number) => new Date(ms)

describe('keyStateOf', () => {
  const base = { revokedAt: null, expiresAt: null, replacedBy: null }
  it.each([
    [base, 'active'],
    [{ ...base, expiresAt: at(NOW + 1) }, 'active'],
    [{ ...base, expiresAt: at(NOW) }, 'expired'],
    [{ ...base, expiresAt: at(NOW - 1) }, 'expired'],
    [{ ...base, replacedBy: 'sk_abcdefgh' }, 'rotating'],
    [{ ...base, replacedBy: 'sk_abcdefgh', expiresAt: at(NOW - 1) }, 'expired'],
    [{ ...base, revokedAt: at(NOW - 5), expiresAt: at(NOW - 1) }, 'revoked'],
    [{ ...base, revokedAt: at(NOW - 5), replacedBy: 'sk_abcdefgh' }, 'revoked'],
  ] as const)('%j → %s', (row, state) => {
    expect(keyStateOf(row, NOW)).toBe(state)
  })
})

describe('parseIsoUtc', () => {
  it.each([
    ['2030-01-15T12:00:00Z', NOW],
    ['2030-01-15T12:00:00.000Z', NOW],
    ['2030-01-15T12:00Z', NOW],
    ['2030-01-15t12:00:00z', NOW],
    ['2030-01-15T12:00:00+00:00', NOW],
    ['2030-01-15T12:00:00.123456789Z', NOW + 123],
    ['2032-02-29T00:00:00Z', Date.UTC(2032, 1, 29)],
  ])('%s', (text, ms) => expect(parseIsoUtc(text)).toBe(ms))

  it.each([
    '2030-01-15',
    '2030-01-15T12:00:00',
    '2030-01-15T12:00:00+01:00',
    '2030-02-30T00:00:00Z',
    '2031-02-29T00:00:00Z',
    '2030-13-01T00:00:00Z',
    '2030-01-15T24:00:00Z',
    '2030-01-15T12:60:00Z',
    '2030-01-15T12:00:60Z',
    '1969-12-31T23:59:59Z',
    '+202030-01-15T12:00:00Z',
    'tomorrow',
    '1893456000000',
  ])('refuses %s', (text) => expect(parseIsoUtc(text)).toBeUndefined())
})

describe('checkExpiresAt', () => {
  it('omitted: never, or the operator maximum from now', () => {
    expect(checkExpiresAt(undefined, NOW, null)).toEqual({ ok: true, expiresAt: null })
    expect(checkExpiresAt(undefined, NOW, 30)).toEqual({ ok: true, expiresAt: at(NOW + 30 * DAY) })
  })
  it('null: never, refused under a maximum', () => {
    expect(checkExpiresAt(null, NOW, null)).toEqual({ ok: true, expiresAt: null })
    expect(checkExpiresAt(null, NOW, 30)).toEqual({ ok: false, message: EXPIRES_AT_MESSAGES.neverNotAllowed(30) })
  })
  it('a future instant, up to the maximum plus clock skew', () => {
    expect(checkExpiresAt('2030-01-15T12:00:00.001Z', NOW, null)).toEqual({ ok: true, expiresAt: at(NOW + 1) })
    expect(checkExpiresAt(at(NOW + 30 * DAY).toISOString(), NOW, 30).ok).toBe(true)
    expect(checkExpiresAt(at(NOW + 30 * DAY + EXPIRY_CLOCK_SKEW_MS).toISOString(), NOW, 30).ok).toBe(true)
    expect(checkExpiresAt(at(NOW + 30 * DAY + EXPIRY_CLOCK_SKEW_MS + 1).toISOString(), NOW, 30)).toEqual({
      ok: false,
      message: EXPIRES_AT_MESSAGES.tooFar(30),
    })
  })
  it('an edit: the maximum counts from the key’s creation, not from now', () => {
    const created = NOW - 20 * DAY
    expect(checkExpiresAt(at(created + 30 * DAY).toISOString(), NOW, 30, created).ok).toBe(true)
    expect(checkExpiresAt(at(created + 31 * DAY).toISOString(), NOW, 30, created)).toEqual({
      ok: false,
      message: EXPIRES_AT_MESSAGES.tooFarFromCreation(30),
    })
    expect(checkExpiresAt(at(created + 31 * DAY).toISOString(), NOW, null, created).ok).toBe(true)
  })
  it('refuses now, the past, malformed text and other types', () => {
    expect(checkExpiresAt(at(NOW).toISOString(), NOW, null)).toEqual({
      ok: false,
      message: EXPIRES_AT_MESSAGES.notFuture,
    })
    expect(checkExpiresAt('2020-01-01T00:00:00Z', NOW, null)).toEqual({
      ok: false,
      message: EXPIRES_AT_MESSAGES.notFuture,
    })
    expect(checkExpiresAt('next week', NOW, null)).toEqual({ ok: false, message: EXPIRES_AT_MESSAGES.malformed })
    expect(checkExpiresAt('9'.repeat(1000), NOW, null)).toEqual({ ok: false, message: EXPIRES_AT_MESSAGES.malformed })
    expect(checkExpiresAt(NOW + DAY, NOW, null)).toEqual({ ok: false, message: EXPIRES_AT_MESSAGES.notText })
  })
})

describe('checkGracePeriod', () => {
  it.each([0, 1, 86_400, 604_800])('accepts %d', (n) =>
    expect(checkGracePeriod(n, 5)).toEqual({ ok: true, seconds: n }),
  )
  it.each([-1, 604_801, 1.5, '60', Number.NaN, Infinity, true])('refuses %j', (n) =>
    expect(checkGracePeriod(n, 5)).toEqual({ ok: false, message: GRACE_PERIOD_MESSAGES.outOfRange }),
  )
  it('defaults when omitted', () => expect(checkGracePeriod(undefined, 86_400)).toEqual({ ok: true, seconds: 86_400 }))
})

describe('rotation expiry', () => {
  const created = at(NOW - 10 * DAY)
  it('carries the lifetime, not the date, to the replacement', () => {
    expect(replacementExpiryOf({ createdAt: created, expiresAt: at(NOW + 20 * DAY) }, NOW, null)).toEqual(
      at(NOW + 30 * DAY),
    )
    expect(replacementExpiryOf({ createdAt: created, expiresAt: null }, NOW, null)).toBeNull()
  })
  it('caps the replacement at the operator maximum', () => {
    expect(replacementExpiryOf({ createdAt: created, expiresAt: null }, NOW, 7)).toEqual(at(NOW + 7 * DAY))
    expect(replacementExpiryOf({ createdAt: created, expiresAt: at(NOW + 20 * DAY) }, NOW, 7)).toEqual(
      at(NOW + 7 * DAY),
    )
  })
  it('ends the old key at the grace end, never later than its own expiry', () => {
    expect(graceEndOf(null, NOW, 3600)).toEqual(at(NOW + 3_600_000))
    expect(graceEndOf(at(NOW + 60_000), NOW, 3600)).toEqual(at(NOW + 60_000))
    expect(graceEndOf(at(NOW + DAY), NOW, 0)).toEqual(at(NOW))
  })
})

describe('isRotationQuiet', () => {
  const rotatedAt = at(NOW - 1000 * 1000)
  it('waits for the replacement to be used', () => {
    expect(isRotationQuiet({ rotatedAt, lastUsed: null }, null, NOW, 900)).toBe(false)
    expect(isRotationQuiet({ rotatedAt, lastUsed: null }, at(NOW - 5), NOW, 900)).toBe(true)
  })
  it('counts silence from the old key last use or the rotation, whichever is later', () => {
    expect(isRotationQuiet({ rotatedAt, lastUsed: at(NOW - 899_999) }, at(NOW), NOW, 900)).toBe(false)
    expect(isRotationQuiet({ rotatedAt, lastUsed: at(NOW - 900_000) }, at(NOW), NOW, 900)).toBe(true)
    expect(isRotationQuiet({ rotatedAt: at(NOW - 10_000), lastUsed: null }, at(NOW), NOW, 900)).toBe(false)
  })
})

describe('decideKeyUse', () => {
  const entry = { expiresAtMs: null, allowlist: null, plan: 'pro' as const }
  const list = compileIpAllowlist(['10.0.0.0/8'])
  it.each([
    [entry, '1.2.3.4', 'ok'],
    [{ ...entry, expiresAtMs: NOW + 1 }, '1.2.3.4', 'ok'],
    [{ ...entry, expiresAtMs: NOW }, '1.2.3.4', 'expired'],
    [{ ...entry, allowlist: list }, '10.1.1.1', 'ok'],
    [{ ...entry, allowlist: list }, '::ffff:10.1.1.1', 'ok'],
    [{ ...entry, allowlist: list }, '11.1.1.1', 'ip_denied'],
    [{ ...entry, allowlist: list }, undefined, 'ip_denied'],
    [{ ...entry, plan: 'free' as const }, '1.2.3.4', 'plan_forbidden'],
    // Expiry first (401 like revoked), then the allowlist, then the plan.
    [{ expiresAtMs: NOW - 1, allowlist: list, plan: 'free' as const }, '11.1.1.1', 'expired'],
    [{ ...entry, allowlist: list, plan: 'free' as const }, '11.1.1.1', 'ip_denied'],
    [{ ...entry, allowlist: list, plan: 'free' as const }, '10.0.0.1', 'plan_forbidden'],
  ])('%j from %s → %s', (e, ip, decision) => {
    expect(decideKeyUse(e, { nowMs: NOW, ip })).toBe(decision)
  })
})
