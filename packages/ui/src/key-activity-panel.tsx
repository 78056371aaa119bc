import type { ReactNode } from 'react'
import type { ApiKeySummary } from '@storra/core/types'
import { Button } from './button'
import { describeLastUse, staleKeyFlags, type KeyActivitySummary } from './key-activity'
import { UsageSparkline } from './usage-sparkline'

export type KeyActivityPanelProps = {
  /** The account's keys (with `?state=all`, revoked ones too, so tried revoked keys are flagged). */
  keys: ApiKeySummary[] | undefined
  /** `apiKeys.activity`: one call for every key's last 24 hours. */
  activity: KeyActivitySummary[] | undefined
  /** The key whose chart is open, if any. */
  openPrefix: string | null
  onToggle: (prefix: string) => void
  /** The open key's chart (KeyUsageChart, wired by the app). */
  chart: ReactNode
  now: Date
}

/**
 * Per key: the last 24 hours as a sparkline, "Last used 3 minutes ago from … (…)", stale-key
 * warnings, and a button opening the key's usage chart below its row.
 */
export function KeyActivityPanel({ keys, activity, openPrefix, onToggle, chart, now }: KeyActivityPanelProps) {
  if (!keys) return <p className="text-sm text-zinc-500">Loading keys…</p>
  const byPrefix = new Map((activity ?? []).map((a) => [a.prefix, a]))
  const shown = keys.filter(
    (k) => (k.state !== 'revoked' && k.state !== 'expired') || (byPrefix.get(k.prefix)?.revoked_today ?? 0) > 0,
  )
  if (shown.length === 0) return <p className="text-sm text-zinc-500">No keys yet.</p>
  return (
    <section aria-labelledby="key-usage-heading" className="space-y-2">
      <h2 id="key-usage-heading" className="text-base font-semibold">
        Key usage
      </h2>
      <ul className="divide-y divide-zinc-100">
        {shown.map((key) => {
          const summary = byPrefix.get(key.prefix)
          const flags = staleKeyFlags(key, summary, now)
          const open = openPrefix === key.prefix
          return (
            <li key={key.id} className="py-3" data-prefix={key.prefix}>
              <div className="flex flex-wrap items-center gap-3">
                <span className="min-w-0 font-medium break-words">{key.label}</span>
                <span className="font-mono text-xs text-zinc-500">{key.prefix}</span>
                <UsageSparkline hourly={summary?.hourly ?? Array<number>(24).fill(0)} />
                <span className="text-sm text-zinc-600">{describeLastUse(key, now)}</span>
                <Button
                  variant="secondary"
                  aria-expanded={open}
                  aria-controls={`usage-${key.prefix}`}
                  onClick={() => onToggle(key.prefix)}
                >
                  {open ? 'Hide usage' : 'Usage'}
                </Button>
              </div>
              {flags.length > 0 ? (
                <ul aria-label="Warnings" className="mt-1 flex flex-wrap gap-2">
                  {flags.map((f) => (
                    <li
                      key={f.kind}
                      className="rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-800"
                      data-flag={f.kind}
                    >
                      {f.text}
                    </li>
                  ))}
                </ul>
              ) : null}
              {open ? (
                <div id={`usage-${key.prefix}`} className="mt-3">
                  {chart}
                </div>
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
