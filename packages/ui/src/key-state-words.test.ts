import { describe, expect, it } from 'vitest'
import { formatDuration } from './format-duration'
import {
  describeEnding,
  describeExpiry,
  describeRotation,
  formatClock,
  formatTimeUntil,
  keysExpiringSoon,
} from './key-state-words'
import { ciKey, keyWith, policy, productionKey } from './test/fixtures'

// Vitest pins TZ=UTC, so clock times below are UTC.
const NOW = new Date('2025-06-01T12:00:00.000Z')
const inMs = (ms: number) => new Date(NOW.getTime() + ms).toISOString()
const MINUTE = 60_000
const DAY = 86_400_000

describe('formatDuration', () => {
  it.each([
    [900, '15 min'],
    [60, '1 min'],
    [3600, '1 hour'],
    [86_400, '1 day'],
    [7200, '2 hours'],
    [604_800, '7 days'],
    [45, '45 s'],
    [0, '0 s'],
  ])('%i s is "%s"', (seconds, words) => {
    expect(formatDuration(seconds)).toBe(words)
  })
})

describe('formatTimeUntil', () => {
  it('uses the largest unit, days at most, rounding days and rounding hours and minutes down', () => {
    expect(formatTimeUntil(inMs(5 * DAY + 11 * 3_600_000), NOW)).toBe('in 5 days')
    expect(formatTimeUntil(inMs(5 * DAY + 13 * 3_600_000), NOW)).toBe('in 6 days')
    expect(formatTimeUntil(inMs(90 * DAY - 5_000), NOW)).toBe('in 90 days')
    expect(formatTimeUntil(inMs(DAY + 1), NOW)).toBe('tomorrow')
    expect(formatTimeUntil(inMs(3 * 3_600_000 + 59 * MINUTE), NOW)).toBe('in 3 hours')
    expect(formatTimeUntil(inMs(12 * MINUTE), NOW)).toBe('in 12 minutes')
    expect(formatTimeUntil(inMs(30_000), NOW)).toBe('in less than a minute')
  })
})

describe('formatClock', () => {
  it('gives the time alone today and the date with it on another day', () => {
    expect(formatClock('2025-06-01T14:30:00.000Z', NOW)).toBe('14:30')
    expect(formatClock('2025-06-02T09:05:00.000Z', NOW)).toBe('Jun 2, 09:05')
  })
})

describe('describeExpiry', () => {
  it('says when a live key expires, or that it never does', () => {
    expect(describeExpiry(keyWith(productionKey, { expires_at: inMs(5 * DAY + MINUTE) }), NOW)).toBe(
      'Expires in 5 days',
    )
    expect(describeExpiry(ciKey, NOW)).toBe('Never expires')
  })

  it('says "Expired" by state, and by the clock before the list catches up', () => {
    expect(describeExpiry(keyWith(productionKey, { state: 'expired', expires_at: inMs(-DAY) }), NOW)).toBe('Expired')
    expect(describeExpiry(keyWith(productionKey, { expires_at: inMs(-1) }), NOW)).toBe('Expired')
  })
})

describe('keysExpiringSoon', () => {
  it('flags active keys expiring within 7 days, soonest first, and nothing else', () => {
    const inThreeDays = keyWith(productionKey, { id: 'a', expires_at: inMs(3 * DAY) })
    const inOneHour = keyWith(productionKey, { id: 'b', expires_at: inMs(3_600_000) })
    const atSevenDays = keyWith(productionKey, { id: 'c', expires_at: inMs(7 * DAY) })
    const inEightDays = keyWith(productionKey, { id: 'd', expires_at: inMs(8 * DAY) })
    const rotating = keyWith(productionKey, { id: 'e', state: 'rotating', expires_at: inMs(DAY) })
    const expired = keyWith(productionKey, { id: 'f', expires_at: inMs(-DAY) })
    const keys = [inThreeDays, inOneHour, atSevenDays, inEightDays, rotating, expired, ciKey]

    expect(keysExpiringSoon(keys, NOW).map((key) => key.id)).toEqual(['b', 'a', 'c'])
  })
})

describe('describeRotation', () => {
  const newKey = keyWith(productionKey, {
    id: 'new',
    prefix: 'sk_new00001',
    created_at: inMs(-30 * MINUTE),
    last_used: inMs(-2 * MINUTE),
  })
  const oldKey = keyWith(productionKey, {
    state: 'rotating',
    replaced_by: 'sk_new00001',
    expires_at: '2025-06-01T14:30:00.000Z',
    last_used: inMs(-12 * MINUTE),
  })

  it('says the old key is still used, and when it will end', () => {
    expect(describeRotation(oldKey, [newKey, oldKey], policy, NOW)).toEqual({
      usage: 'Old key still used 12 minutes ago',
      end: 'Will end when silent for 15 min or at 14:30',
      waitingForNewKey: null,
    })
  })

  it('says the old key has not been used since the rotation', () => {
    const silent = keyWith(oldKey, { last_used: inMs(-45 * MINUTE) })
    expect(describeRotation(silent, [newKey, silent], policy, NOW).usage).toBe('Not used since rotation')
    const never = keyWith(oldKey, { last_used: null })
    expect(describeRotation(never, [newKey, never], policy, NOW).usage).toBe('Not used since rotation')
  })

  it('says the quiet rule is still waiting for the new key’s first request', () => {
    const unused = keyWith(newKey, { last_used: null })
    expect(describeRotation(oldKey, [unused, oldKey], policy, NOW).waitingForNewKey).toBe('New key not used yet')
  })

  it('uses the policy’s quiet period and leaves the clock out when there is no end date', () => {
    const words = describeRotation(
      keyWith(oldKey, { expires_at: null }),
      [newKey],
      { rotation_quiet_seconds: 3600 },
      NOW,
    )
    expect(words.end).toBe('Will end when silent for 1 hour')
  })
})

describe('describeEnding', () => {
  it.each([
    ['user', 'Revoked by you'],
    ['admin', 'Revoked by an administrator'],
    ['rotation', 'Replaced by rotation'],
    ['rotation_quiet', 'Closed after the old key went quiet'],
    ['leak_report', 'Reported as leaked'],
  ] as const)('a key revoked for "%s" reads "%s"', (reason, words) => {
    expect(describeEnding(keyWith(productionKey, { state: 'revoked', revoked_reason: reason }))).toBe(words)
  })

  it('names the owner rather than "you" to an operator', () => {
    const byOwner = keyWith(productionKey, { state: 'revoked', revoked_reason: 'user' })
    expect(describeEnding(byOwner, 'operator')).toBe('Revoked by the account owner')
    expect(describeEnding(keyWith(byOwner, { revoked_reason: 'admin' }), 'operator')).toBe(
      'Revoked by an administrator',
    )
  })

  it('tells a plain expiry from the end of a grace period', () => {
    expect(describeEnding(keyWith(productionKey, { state: 'expired' }))).toBe('Expired')
    expect(describeEnding(keyWith(productionKey, { state: 'expired', replaced_by: 'sk_new00001' }))).toBe(
      'Grace period ended after rotation',
    )
  })
})
