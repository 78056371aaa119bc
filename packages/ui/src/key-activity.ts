import { NEVER_USED_DAYS, UNUSED_DAYS } from '@storra/core/limits'
import type { ApiKeySummary, AuditEvent } from '@storra/core/types'
import { formatRelativeTime } from './format-relative-time'
import { describeExpiry, isExpiringSoon } from './key-state-words'

const DAY_MS = 86_400_000

/** One warning about a key, as the API Keys section shows it. */
export type StaleKeyFlag = {
  kind: 'never_used' | 'unused' | 'expiring' | 'revoked_but_tried'
  text: string
}

/** What the key list knows of a key's last 24 hours (`apiKeys.activity`). */
export type KeyActivitySummary = { prefix: string; hourly: number[]; revoked_today: number }

/**
 * "Last used 3 minutes ago from 203.0.113.7 (curl/8.5)", or "Never used". Pure; `now` is the
 * viewer's clock.
 */
export function describeLastUse(key: ApiKeySummary, now: Date): string {
  if (!key.last_used) return 'Never used'
  const from = key.last_used_ip ? ` from ${key.last_used_ip}` : ''
  const agent = key.last_used_user_agent ? ` (${key.last_used_user_agent})` : ''
  return `Last used ${formatRelativeTime(key.last_used, now)}${from}${agent}`
}

/**
 * The warnings a key earns at `now`: never used NEVER_USED_DAYS after creation, unused for
 * UNUSED_DAYS (both @storra/core/limits), expiring soon by {@link isExpiringSoon} (the same rule and
 * words as the API Keys notice: "Expires in 3 days", "Expires tomorrow"), revoked but still tried
 * today (a deployment still holds it, or it leaked). Pure, so web and desktop flag alike.
 */
export function staleKeyFlags(key: ApiKeySummary, activity: KeyActivitySummary | undefined, now: Date): StaleKeyFlag[] {
  const nowMs = now.getTime()
  const flags: StaleKeyFlag[] = []
  const revoked = key.revoked_at !== null || key.state === 'revoked' || key.state === 'expired'
  if (revoked) {
    const tries = activity?.revoked_today ?? 0
    if (tries > 0) {
      const ended = key.revoked_at ?? key.expires_at
      const when = ended ? `${key.state === 'expired' ? 'expired' : 'revoked'} ${formatRelativeTime(ended, now)}, ` : ''
      flags.push({ kind: 'revoked_but_tried', text: `${when}tried ${tries} ${tries === 1 ? 'time' : 'times'} today` })
    }
    return flags
  }
  if (!key.last_used && nowMs - Date.parse(key.created_at) >= NEVER_USED_DAYS * DAY_MS)
    flags.push({
      kind: 'never_used',
      text: `Never used since it was created ${formatRelativeTime(key.created_at, now)}`,
    })
  if (key.last_used && nowMs - Date.parse(key.last_used) >= UNUSED_DAYS * DAY_MS)
    flags.push({ kind: 'unused', text: `Unused for ${Math.floor((nowMs - Date.parse(key.last_used)) / DAY_MS)} days` })
  if (isExpiringSoon(key, now)) flags.push({ kind: 'expiring', text: describeExpiry(key, now) })
  return flags
}

const CSV_COLUMNS = ['created_at', 'type', 'actor', 'key_prefix', 'ip', 'user_agent', 'details'] as const

function csvCell(value: string): string {
  // Quote everything; a leading = + - @ is defused so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}

/** The audit events as CSV (RFC 4180, header row, CRLF), for the dashboard's export. */
export function auditEventsToCsv(events: AuditEvent[]): string {
  const rows = events.map((e) =>
    CSV_COLUMNS.map((column) => {
      const value = column === 'details' ? JSON.stringify(e.details) : (e[column] ?? '')
      return csvCell(String(value))
    }).join(','),
  )
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}
