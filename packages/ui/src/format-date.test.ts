import { withTimeZone } from './test/env'
import { describe, expect, it, vi } from 'vitest'
import { formatDate, formatDateTime } from './format-date'

// vitest.config.ts pins TZ=UTC so the expected strings are stable.
describe('formatDate', () => {
  it('formats an ISO timestamp as a medium English date', () => {
    expect(formatDate('2025-06-01T10:30:00.000Z')).toBe('Jun 1, 2025')
  })
})

describe('formatDateTime', () => {
  it('includes the time and time zone so the exact moment is unambiguous', () => {
    // The joiner between date and time (", " or " at ") differs between ICU versions.
    expect(formatDateTime('2025-06-01T10:30:00.000Z')).toMatch(/^Jun 1, 2025(,| at) 10:30:00 AM UTC$/)
  })
})

describe('formatDateTime in another time zone', () => {
  it('gives the exact moment in UTC whatever the viewer’s zone', async () => {
    // Node applies a changed TZ to dates and Intl objects created afterwards; load a fresh copy.
    vi.resetModules()
    try {
      await withTimeZone('America/New_York', async () => {
        const fresh = await import('./format-date')
        expect(new Date('2025-06-01T10:30:00.000Z').getHours()).toBe(6)
        expect(fresh.formatDateTime('2025-06-01T10:30:00.000Z')).toMatch(/^Jun 1, 2025(,| at) 10:30:00 AM UTC$/)
      })
    } finally {
      vi.resetModules()
    }
  })
})
