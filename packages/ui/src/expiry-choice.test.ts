import { describe, expect, it } from 'vitest'
import { customDateBounds, defaultExpiryChoice, expiryPresets, resolveExpiry } from './expiry-choice'
import { policy } from './test/fixtures'

// Vitest pins TZ=UTC: a custom date ends at 23:59:59.999 UTC.
const NOW = new Date('2025-06-01T12:00:00.000Z')

describe('expiry presets', () => {
  it('offers 7, 30, 60 and 90 days and defaults to 90', () => {
    expect(expiryPresets(policy)).toEqual([7, 30, 60, 90])
    expect(defaultExpiryChoice(policy)).toEqual({ kind: 'days', days: 90 })
  })

  it('drops presets beyond the maximum lifetime and defaults to the longest left', () => {
    const capped = { ...policy, max_key_lifetime_days: 45 }
    expect(expiryPresets(capped)).toEqual([7, 30])
    expect(defaultExpiryChoice(capped)).toEqual({ kind: 'days', days: 30 })
    expect(defaultExpiryChoice({ ...policy, max_key_lifetime_days: 3 })).toEqual({ kind: 'days', days: 3 })
  })
})

describe('resolveExpiry', () => {
  it('turns a preset into that many days from now, never into null and keep into nothing', () => {
    expect(resolveExpiry({ kind: 'days', days: 7 }, NOW, null)).toEqual({
      ok: true,
      expiresAt: '2025-06-08T12:00:00.000Z',
    })
    expect(resolveExpiry({ kind: 'never' }, NOW, null)).toEqual({ ok: true, expiresAt: null })
    expect(resolveExpiry({ kind: 'keep' }, NOW, null)).toEqual({ ok: true, expiresAt: undefined })
  })

  it('ends a custom date at the end of that day, capped at the maximum lifetime', () => {
    expect(resolveExpiry({ kind: 'custom', date: '2025-07-04' }, NOW, null)).toEqual({
      ok: true,
      expiresAt: '2025-07-04T23:59:59.999Z',
    })
    // The maximum's last day stays pickable: it ends at the exact maximum instant.
    expect(resolveExpiry({ kind: 'custom', date: '2025-06-11' }, NOW, 10)).toEqual({
      ok: true,
      expiresAt: '2025-06-11T12:00:00.000Z',
    })
  })

  it('refuses an empty, past or too distant custom date with a sentence', () => {
    expect(resolveExpiry({ kind: 'custom', date: '' }, NOW, null)).toEqual({
      ok: false,
      message: 'Choose the date the key should expire.',
    })
    expect(resolveExpiry({ kind: 'custom', date: '2025-05-31' }, NOW, null)).toEqual({
      ok: false,
      message: 'Choose a date in the future.',
    })
    expect(resolveExpiry({ kind: 'custom', date: '2025-06-12' }, NOW, 10)).toEqual({
      ok: false,
      message: 'Keys can live at most 10 days; choose an earlier date.',
    })
  })

  it('bounds the date input from tomorrow to the maximum’s last day', () => {
    expect(customDateBounds(NOW, 10)).toEqual({ min: '2025-06-02', max: '2025-06-11' })
    expect(customDateBounds(NOW, null)).toEqual({ min: '2025-06-02', max: undefined })
  })
})
