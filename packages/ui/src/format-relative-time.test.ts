import { describe, expect, it } from 'vitest'
import { formatRecentOrDate, formatRelativeTime } from './format-relative-time'

const now = new Date('2025-06-01T12:00:00.000Z')
const before = (milliseconds: number) => new Date(now.getTime() - milliseconds).toISOString()

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

describe('formatRelativeTime', () => {
  it.each([
    [0, 'just now'],
    [59 * SECOND, 'just now'],
    [MINUTE, '1 minute ago'],
    [3 * MINUTE, '3 minutes ago'],
    [3 * MINUTE + 59 * SECOND, '3 minutes ago'],
    [59 * MINUTE, '59 minutes ago'],
    [HOUR, '1 hour ago'],
    [5 * HOUR + 30 * MINUTE, '5 hours ago'],
    [DAY, 'yesterday'],
    [3 * DAY, '3 days ago'],
    [29 * DAY, '29 days ago'],
    [30 * DAY, 'last month'],
    [95 * DAY, '3 months ago'],
    [365 * DAY, 'last year'],
    [3 * 365 * DAY, '3 years ago'],
  ])('formats %i ms ago as "%s"', (elapsed, expected) => {
    expect(formatRelativeTime(before(elapsed), now)).toBe(expected)
  })

  it('treats timestamps in the future (clock skew) as just now', () => {
    expect(formatRelativeTime(before(-5 * MINUTE), now)).toBe('just now')
  })

  it('accepts Date objects as well as ISO strings', () => {
    expect(formatRelativeTime(new Date(now.getTime() - 2 * HOUR), now)).toBe('2 hours ago')
  })
})

describe('formatRecentOrDate', () => {
  it.each([
    [20 * MINUTE, '20 minutes ago'],
    [5 * HOUR, '5 hours ago'],
    [6 * DAY + 23 * HOUR, '6 days ago'],
    [7 * DAY, 'May 25, 2025'],
    [400 * DAY, 'Apr 27, 2024'],
  ])('formats %i ms ago as "%s"', (elapsed, expected) => {
    expect(formatRecentOrDate(before(elapsed), now)).toBe(expected)
  })
})
