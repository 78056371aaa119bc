import { DEFAULT_EXPIRY_PRESET_DAYS } from '@storra/core/limits'
import type { KeyPolicy } from './key-lifecycle'

const DAY_MS = 86_400_000

/**
 * An expiry as picked in a form: a number of days from now, a calendar date (the viewer's,
 * "YYYY-MM-DD"), never, or (editing) the key's current expiry unchanged.
 */
export type ExpiryChoice =
  { kind: 'days'; days: number } | { kind: 'custom'; date: string } | { kind: 'never' } | { kind: 'keep' }

/** The preset days the policy allows (none beyond the maximum lifetime). */
export function expiryPresets(policy: Pick<KeyPolicy, 'expiry_presets_days' | 'max_key_lifetime_days'>): number[] {
  const max = policy.max_key_lifetime_days
  return policy.expiry_presets_days.filter((days) => max === null || days <= max)
}

/** A new key's starting choice: 90 days (GitHub's default too), else the longest preset allowed. */
export function defaultExpiryChoice(
  policy: Pick<KeyPolicy, 'expiry_presets_days' | 'max_key_lifetime_days'>,
): ExpiryChoice {
  const presets = expiryPresets(policy)
  if (presets.includes(DEFAULT_EXPIRY_PRESET_DAYS)) return { kind: 'days', days: DEFAULT_EXPIRY_PRESET_DAYS }
  const longest = presets.at(-1)
  if (longest !== undefined) return { kind: 'days', days: longest }
  return policy.max_key_lifetime_days === null
    ? { kind: 'never' }
    : { kind: 'days', days: policy.max_key_lifetime_days }
}

/** "2025-06-01": `date` as a date input's value, in the viewer's time zone. */
function toDateInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The earliest and latest dates a custom expiry may pick: tomorrow, and the maximum lifetime's last day. */
export function customDateBounds(now: Date, maxDays: number | null): { min: string; max: string | undefined } {
  return {
    min: toDateInputValue(new Date(now.getTime() + DAY_MS)),
    max: maxDays === null ? undefined : toDateInputValue(new Date(now.getTime() + maxDays * DAY_MS)),
  }
}

export type ExpiryResolution = { ok: true; expiresAt: string | null | undefined } | { ok: false; message: string }

/**
 * The `expires_at` to send for `choice` at `now`: an ISO instant, null (never) or undefined
 * (keep). A custom date ends at the end of that day in the viewer's zone, capped at the
 * maximum lifetime so its last day stays pickable. Refuses an empty or past date.
 */
export function resolveExpiry(choice: ExpiryChoice, now: Date, maxDays: number | null): ExpiryResolution {
  if (choice.kind === 'keep') return { ok: true, expiresAt: undefined }
  if (choice.kind === 'never') return { ok: true, expiresAt: null }
  if (choice.kind === 'days')
    return { ok: true, expiresAt: new Date(now.getTime() + choice.days * DAY_MS).toISOString() }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(choice.date)
  if (!match) return { ok: false, message: 'Choose the date the key should expire.' }
  const endOfDay = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999)
  if (endOfDay.getTime() <= now.getTime()) return { ok: false, message: 'Choose a date in the future.' }
  const latest = maxDays === null ? Infinity : now.getTime() + maxDays * DAY_MS
  if (endOfDay.getTime() - DAY_MS >= latest)
    return { ok: false, message: `Keys can live at most ${maxDays} days; choose an earlier date.` }
  return { ok: true, expiresAt: new Date(Math.min(endOfDay.getTime(), latest)).toISOString() }
}
