import { EXPIRING_SOON_DAYS } from '@storra/core/limits'
import { DISPLAY_LOCALE } from './format-date'
import { formatDuration } from './format-duration'
import { formatRelativeTime } from './format-relative-time'
import type { RevokeReason } from '@storra/core/types'
import type { ApiKey, KeyPolicy } from './key-lifecycle'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Keys that expire within this window are flagged (see {@link isExpiringSoon}). */
const EXPIRING_SOON_MS = EXPIRING_SOON_DAYS * DAY

const FUTURE_UNITS: Array<{ unit: Intl.RelativeTimeFormatUnit; milliseconds: number }> = [
  { unit: 'day', milliseconds: DAY },
  { unit: 'hour', milliseconds: HOUR },
  { unit: 'minute', milliseconds: MINUTE },
]
// numeric: 'auto' says "tomorrow" rather than "in 1 day".
const relativeTimeFormat = new Intl.RelativeTimeFormat(DISPLAY_LOCALE, { numeric: 'auto' })
const clockFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
const dayAndClockFormat = new Intl.DateTimeFormat(DISPLAY_LOCALE, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/**
 * How far ahead `timestamp` is: "in 5 days", "tomorrow", "in 3 hours", and "in less than a
 * minute" at the end. Days are the largest unit (keys live 90 days by default) and are rounded,
 * so a key made for 90 days reads "in 90 days", not 89; hours and minutes are rounded down.
 */
export function formatTimeUntil(timestamp: string, now: Date): string {
  const remaining = new Date(timestamp).getTime() - now.getTime()
  const largestUnit = FUTURE_UNITS.find(({ milliseconds }) => remaining >= milliseconds)
  if (!largestUnit) return 'in less than a minute'
  const round = largestUnit.unit === 'day' ? Math.round : Math.floor
  return relativeTimeFormat.format(round(remaining / largestUnit.milliseconds), largestUnit.unit)
}

/** "14:30" when `timestamp` falls on the viewer's today, "Jun 2, 14:30" otherwise (viewer's time zone). */
export function formatClock(timestamp: string, now: Date): string {
  const moment = new Date(timestamp)
  return moment.toDateString() === now.toDateString() ? clockFormat.format(moment) : dayAndClockFormat.format(moment)
}

/** Past its expiry, by its state or by the clock (the list may be a minute old). */
export function hasExpired(key: Pick<ApiKey, 'state' | 'expires_at'>, now: Date): boolean {
  if (key.state === 'expired') return true
  return key.expires_at !== null && new Date(key.expires_at).getTime() <= now.getTime()
}

/** A live key's expiry in words: "Expires in 5 days", "Expired", "Never expires". */
export function describeExpiry(key: Pick<ApiKey, 'state' | 'expires_at'>, now: Date): string {
  if (hasExpired(key, now)) return 'Expired'
  if (key.expires_at === null) return 'Never expires'
  return `Expires ${formatTimeUntil(key.expires_at, now)}`
}

/**
 * The one rule for "expiring soon", shared by the API Keys notice, the key's status and the Key
 * usage flags: an active key (not rotating: its end is planned; not revoked) whose `expires_at` is
 * still ahead of `now` by at most EXPIRING_SOON_DAYS (@storra/core/limits). Its words are
 * {@link describeExpiry}'s, so every place says the same day count.
 */
export function isExpiringSoon(key: Pick<ApiKey, 'state' | 'expires_at'>, now: Date): boolean {
  if (key.state !== 'active' || key.expires_at === null || hasExpired(key, now)) return false
  return new Date(key.expires_at).getTime() - now.getTime() <= EXPIRING_SOON_MS
}

/** The keys {@link isExpiringSoon} picks, soonest first. */
export function keysExpiringSoon<Key extends Pick<ApiKey, 'state' | 'expires_at'>>(keys: Key[], now: Date): Key[] {
  return keys
    .filter((key) => isExpiringSoon(key, now))
    .sort((a, b) => new Date(a.expires_at!).getTime() - new Date(b.expires_at!).getTime())
}

/** A rotating key's state in words: how its traffic stands, and when it will end. */
export type RotationWords = {
  /** "Old key still used 12 minutes ago" or "Not used since rotation". */
  usage: string
  /** "Will end when silent for 15 min or at 14:30". */
  end: string
  /** "New key not used yet": the quiet rule waits for the new key's first request. */
  waitingForNewKey: string | null
}

/**
 * Describes the old key of a rotation. The new key (found by `replaced_by` in `keys`) was created
 * at the rotation, so its `created_at` tells traffic before the rotation from traffic after it.
 * The rule (issue 11): once the new key has authenticated a request and the old key has then been
 * silent for `rotation_quiet_seconds`, the old key is revoked; at `expires_at` it ends anyway.
 */
export function describeRotation(
  oldKey: Pick<ApiKey, 'last_used' | 'expires_at' | 'replaced_by'>,
  keys: Array<Pick<ApiKey, 'prefix' | 'created_at' | 'last_used'>>,
  policy: Pick<KeyPolicy, 'rotation_quiet_seconds'>,
  now: Date,
): RotationWords {
  const newKey = keys.find((key) => key.prefix === oldKey.replaced_by)
  const rotatedAt = newKey ? new Date(newKey.created_at).getTime() : undefined
  const usedSince =
    oldKey.last_used !== null && (rotatedAt === undefined || new Date(oldKey.last_used).getTime() >= rotatedAt)
  const usage = usedSince
    ? `Old key still used ${formatRelativeTime(oldKey.last_used!, now)}`
    : 'Not used since rotation'
  const silent = `Will end when silent for ${formatDuration(policy.rotation_quiet_seconds)}`
  const end = oldKey.expires_at === null ? silent : `${silent} or at ${formatClock(oldKey.expires_at, now)}`
  const waitingForNewKey = newKey && newKey.last_used === null ? 'New key not used yet' : null
  return { usage, end, waitingForNewKey }
}

const REVOKE_REASON_WORDS: Readonly<Record<RevokeReason, string>> = {
  user: 'Revoked by you',
  admin: 'Revoked by an administrator',
  rotation: 'Replaced by rotation',
  rotation_quiet: 'Closed after the old key went quiet',
  leak_report: 'Reported as leaked',
}

/** Who reads the words: the key's owner ("Revoked by you") or an operator looking at an account. */
export type EndingViewer = 'owner' | 'operator'

/** Why an ended key ended, in words. */
export function describeEnding(
  key: Pick<ApiKey, 'state' | 'revoked_reason' | 'replaced_by'>,
  viewer: EndingViewer = 'owner',
): string {
  if (key.revoked_reason === 'user' && viewer === 'operator') return 'Revoked by the account owner'
  if (key.revoked_reason) return REVOKE_REASON_WORDS[key.revoked_reason]
  if (key.state === 'expired') return key.replaced_by ? 'Grace period ended after rotation' : 'Expired'
  return 'Revoked'
}
