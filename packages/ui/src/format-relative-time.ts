import { DISPLAY_LOCALE, formatDate } from './format-date'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const MONTH = 30 * DAY
const YEAR = 365 * DAY

const UNITS: Array<{ unit: Intl.RelativeTimeFormatUnit; milliseconds: number }> = [
  { unit: 'year', milliseconds: YEAR },
  { unit: 'month', milliseconds: MONTH },
  { unit: 'day', milliseconds: DAY },
  { unit: 'hour', milliseconds: HOUR },
  { unit: 'minute', milliseconds: MINUTE },
]

// numeric: 'auto' gives "yesterday" and "last month" instead of "1 day ago".
const relativeTimeFormat = new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: 'auto' })

/**
 * Describes how long ago `timestamp` was relative to `now`, e.g. "3 minutes ago".
 * Elapsed time is rounded down, so "3 minutes ago" covers 3:00 to 3:59.
 * Anything under a minute, including timestamps slightly in the future because
 * of clock skew between server and viewer, reads "just now".
 */
export function formatRelativeTime(timestamp: string | Date, now: Date = new Date()): string {
  const elapsed = now.getTime() - new Date(timestamp).getTime()
  const largestUnit = UNITS.find(({ milliseconds }) => elapsed >= milliseconds)
  if (!largestUnit) return 'just now'
  return relativeTimeFormat.format(-Math.floor(elapsed / largestUnit.milliseconds), largestUnit.unit)
}

/** Up to this age, a creation time reads "3 hours ago"; older ones read as a date. */
const RECENT_FOR_MS = 7 * DAY

/**
 * "2 hours ago" for timestamps under {@link RECENT_FOR_MS} old, so keys made the same day
 * are told apart at a glance; the date ("May 20, 2025", viewer's zone) beyond that, where
 * "5 months ago" would say less. GitHub's relative-time element switches the same way.
 */
export function formatRecentOrDate(timestamp: string | Date, now: Date = new Date()): string {
  const elapsed = now.getTime() - new Date(timestamp).getTime()
  return elapsed < RECENT_FOR_MS ? formatRelativeTime(timestamp, now) : formatDate(timestamp)
}
