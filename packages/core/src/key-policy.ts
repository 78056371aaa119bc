/**
 * A key's life as pure rules: its state at a moment, when it may expire, what a rotation does
 * to the old and the new key's expiry, when a rotation's grace period closes itself, and the
 * one per-request decision the client API takes from what the key verifier holds. All times
 * are UTC milliseconds since the epoch unless a name says seconds.
 */
import { EXPIRES_AT_MESSAGES, GRACE_PERIOD_MESSAGES } from './errors.ts'
import { isIpAllowed, type ParsedIpAllowlist } from './ip-allowlist.ts'
import { MAX_EXPIRES_AT_INPUT_LENGTH, MAX_GRACE_PERIOD_SECONDS, MIN_GRACE_PERIOD_SECONDS } from './limits.ts'
import { canUseClientApi } from './plans.ts'
import type { KeyState, Plan } from './types.ts'

const DAY_MS = 86_400_000

/**
 * Slack for the "at most N days ahead" rule: a dashboard computes "90 days from now" by its
 * own clock before the request travels, so the maximum itself must not be refused.
 */
export const EXPIRY_CLOCK_SKEW_MS = 60_000

/** The lifecycle fields of a key row (`revoked_at`, `expires_at`, `replaced_by`). */
export interface KeyLifecycleFields {
  revokedAt: Date | null
  expiresAt: Date | null
  replacedBy: string | null
}

/**
 * The key's state at `nowMs`: `revoked` once revoked (whatever else holds), else `expired` from
 * its `expires_at` on (a key works strictly before that instant), else `rotating` once a
 * replacement was issued, else `active`.
 */
export function keyStateOf(key: KeyLifecycleFields, nowMs: number): KeyState {
  if (key.revokedAt) return 'revoked'
  if (isExpiredAt(key.expiresAt?.getTime() ?? null, nowMs)) return 'expired'
  return key.replacedBy ? 'rotating' : 'active'
}

// ISO-8601 in UTC: date, `T`, hours and minutes, optional seconds and fraction, `Z` or +00:00.
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|\+00:00|-00:00)$/i

/** Parses an ISO-8601 UTC date-time to milliseconds (fraction truncated), or undefined. */
export function parseIsoUtc(text: string): number | undefined {
  const match = ISO_UTC.exec(text)
  if (!match) return undefined
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const ms = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3))
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const back = new Date(time)
  // Date.UTC rolls 2030-02-30 over to March: refuse dates that are not on the calendar.
  const onCalendar =
    back.getUTCFullYear() === year &&
    back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day &&
    back.getUTCHours() === hour &&
    back.getUTCMinutes() === minute &&
    back.getUTCSeconds() === second
  return onCalendar && year >= 1970 ? time : undefined
}

export type ExpiryCheck = { ok: true; expiresAt: Date | null } | { ok: false; message: string }

/**
 * Validates a requested `expires_at` (create or edit). `undefined` (omitted) means never, or
 * `maxLifetimeDays` from now when the operator set a maximum; `null` means never and is refused
 * when a maximum is set; a string must be an ISO-8601 UTC date-time strictly after `nowMs` and
 * at most `maxLifetimeDays` ahead (plus {@link EXPIRY_CLOCK_SKEW_MS}) of now and, for an edit,
 * of the key's creation `createdAtMs` (so repeated edits cannot extend a key's life). Messages
 * name the field.
 */
export function checkExpiresAt(
  input: unknown,
  nowMs: number,
  maxLifetimeDays: number | null,
  createdAtMs?: number,
): ExpiryCheck {
  if (input === undefined)
    return { ok: true, expiresAt: maxLifetimeDays === null ? null : new Date(nowMs + maxLifetimeDays * DAY_MS) }
  if (input === null) {
    if (maxLifetimeDays !== null) return { ok: false, message: EXPIRES_AT_MESSAGES.neverNotAllowed(maxLifetimeDays) }
    return { ok: true, expiresAt: null }
  }
  if (typeof input !== 'string') return { ok: false, message: EXPIRES_AT_MESSAGES.notText }
  const time = input.length <= MAX_EXPIRES_AT_INPUT_LENGTH ? parseIsoUtc(input.trim()) : undefined
  if (time === undefined) return { ok: false, message: EXPIRES_AT_MESSAGES.malformed }
  if (time <= nowMs) return { ok: false, message: EXPIRES_AT_MESSAGES.notFuture }
  if (maxLifetimeDays !== null && time > nowMs + maxLifetimeDays * DAY_MS + EXPIRY_CLOCK_SKEW_MS)
    return { ok: false, message: EXPIRES_AT_MESSAGES.tooFar(maxLifetimeDays) }
  if (
    maxLifetimeDays !== null &&
    createdAtMs !== undefined &&
    time > createdAtMs + maxLifetimeDays * DAY_MS + EXPIRY_CLOCK_SKEW_MS
  )
    return { ok: false, message: EXPIRES_AT_MESSAGES.tooFarFromCreation(maxLifetimeDays) }
  return { ok: true, expiresAt: new Date(time) }
}

export type GracePeriodCheck = { ok: true; seconds: number } | { ok: false; message: string }

/** A rotation's grace period: a whole number of seconds, 0 … 604800; omitted means `fallback`. */
export function checkGracePeriod(input: unknown, fallback: number): GracePeriodCheck {
  if (input === undefined || input === null) return { ok: true, seconds: fallback }
  if (
    typeof input !== 'number' ||
    !Number.isInteger(input) ||
    input < MIN_GRACE_PERIOD_SECONDS ||
    input > MAX_GRACE_PERIOD_SECONDS
  )
    return { ok: false, message: GRACE_PERIOD_MESSAGES.outOfRange }
  return { ok: true, seconds: input }
}

/**
 * The replacement key's expiry: the old key's expiry *policy* carries over, not its date. A key
 * that lived N ms from creation to expiry gives a replacement that lives N ms from `nowMs`; a
 * key without expiry gives one without (or the operator's maximum, when set). Never beyond the
 * operator's maximum lifetime.
 */
export function replacementExpiryOf(
  old: { createdAt: Date; expiresAt: Date | null },
  nowMs: number,
  maxLifetimeDays: number | null,
): Date | null {
  const cap = maxLifetimeDays === null ? Infinity : nowMs + maxLifetimeDays * DAY_MS
  const wanted = old.expiresAt ? nowMs + (old.expiresAt.getTime() - old.createdAt.getTime()) : Infinity
  const time = Math.min(wanted, cap)
  return Number.isFinite(time) ? new Date(time) : null
}

/**
 * The old key's expiry once rotated: the end of the grace period, never later than its own
 * earlier expiry.
 */
export function graceEndOf(oldExpiresAt: Date | null, nowMs: number, gracePeriodSeconds: number): Date {
  const end = nowMs + gracePeriodSeconds * 1000
  return new Date(oldExpiresAt ? Math.min(oldExpiresAt.getTime(), end) : end)
}

/**
 * True when a rotating key's grace period closes itself: its replacement has authenticated at
 * least one request (`replacementLastUsed` set) and the old key has seen no request for
 * `quietSeconds`, counting from its last use or, if later, the rotation. The sweeper's SQL
 * applies the same rule (services/key-rotation.ts, sweepQuietRotations); this is its reference.
 */
export function isRotationQuiet(
  old: { rotatedAt: Date; lastUsed: Date | null },
  replacementLastUsed: Date | null,
  nowMs: number,
  quietSeconds: number,
): boolean {
  if (!replacementLastUsed) return false
  const lastSeen = Math.max(old.rotatedAt.getTime(), old.lastUsed?.getTime() ?? 0)
  return nowMs - lastSeen >= quietSeconds * 1000
}

/** True once a key with this expiry (ms, null = never) has expired at `nowMs`: it works strictly before. */
export function isExpiredAt(expiresAtMs: number | null, nowMs: number): boolean {
  return expiresAtMs !== null && expiresAtMs <= nowMs
}

/** The per-request outcome of {@link decideKeyUse}. */
export type KeyUseDecision = 'ok' | 'expired' | 'ip_denied' | 'plan_forbidden'

/** What the verifier holds of a valid (unrevoked) key for the per-request decision. */
export interface KeyUseEntry {
  /** `expires_at` in ms, null for never. */
  expiresAtMs: number | null
  /** The compiled allowlist, null when the key may be used from any address. */
  allowlist: ParsedIpAllowlist | null
  /** The owning account's plan. */
  plan: Plan
}

/**
 * The one per-request decision of the client API, over what the verifier holds (no I/O):
 * `expired` (answer 401 as for a revoked key), `ip_denied` (403: `ip` — the client's address,
 * undefined when unknown — is outside the key's allowlist), `plan_forbidden` (403: the account
 * lacks Cloud Pro), else `ok`. The IP is checked before the plan so that a caller outside the
 * allowlist learns nothing about the account.
 */
export function decideKeyUse(entry: KeyUseEntry, request: { nowMs: number; ip: string | undefined }): KeyUseDecision {
  if (isExpiredAt(entry.expiresAtMs, request.nowMs)) return 'expired'
  if (entry.allowlist !== null && !isIpAllowed(entry.allowlist, request.ip)) return 'ip_denied'
  if (!canUseClientApi(entry.plan)) return 'plan_forbidden'
  return 'ok'
}
