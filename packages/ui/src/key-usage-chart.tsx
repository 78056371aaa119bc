import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { USAGE_OUTCOMES, USAGE_WINDOWS, type KeyUsage, type UsageWindow } from '@storra/core/types'
import { ScrollX } from './scroll-x'

const OUTCOME_NAMES: Record<(typeof USAGE_OUTCOMES)[number], string> = {
  ok: 'OK',
  plan_forbidden: 'Plan forbidden',
  ip_denied: 'IP denied',
  rate_limited: 'Rate limited',
  revoked: 'Revoked or expired',
}
const OUTCOME_COLORS: Record<(typeof USAGE_OUTCOMES)[number], string> = {
  ok: '#4f46e5',
  plan_forbidden: '#f59e0b',
  ip_denied: '#ef4444',
  rate_limited: '#a855f7',
  revoked: '#71717a',
}
const WINDOW_NAMES: Record<UsageWindow, string> = { '24h': '24 hours', '7d': '7 days', '30d': '30 days' }

function bucketLabel(start: string, granularity: KeyUsage['granularity']): string {
  const d = new Date(start)
  return granularity === 'minute'
    ? d.toISOString().slice(11, 16)
    : `${d.toISOString().slice(5, 10)} ${d.toISOString().slice(11, 13)}h`
}

export type KeyUsageChartProps = {
  /** Undefined while loading. */
  usage: KeyUsage | undefined
  window: UsageWindow
  onWindowChange: (window: UsageWindow) => void
  error?: string | null
}

/**
 * A key's requests by outcome (stacked bars, Recharts) with a 24h / 7d / 30d switch. The switch
 * is a radio group (arrow keys move it); the same numbers are in a table below the chart, the
 * chart's text alternative. Times are UTC.
 */
export function KeyUsageChart({ usage, window, onWindowChange, error }: KeyUsageChartProps) {
  const data = (usage?.buckets ?? []).map((b) => ({ ...b, label: bucketLabel(b.start, usage!.granularity) }))
  const total = data.reduce((n, b) => n + USAGE_OUTCOMES.reduce((m, o) => m + b[o], 0), 0)
  return (
    <section aria-label={`Usage of ${usage?.prefix ?? 'the key'}`} className="space-y-3">
      <div role="radiogroup" aria-label="Window" className="flex gap-2">
        {USAGE_WINDOWS.map((w) => (
          <label key={w} className="inline-flex items-center gap-1 text-sm">
            <input
              type="radio"
              name="usage-window"
              value={w}
              checked={w === window}
              onChange={() => onWindowChange(w)}
            />
            {WINDOW_NAMES[w]}
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {!usage ? (
        <p className="text-sm text-zinc-500">Loading usage…</p>
      ) : (
        <>
          <p className="text-sm text-zinc-600" data-testid="usage-total">
            {total} {total === 1 ? 'request' : 'requests'} in the last {WINDOW_NAMES[window]} ({usage.granularity}{' '}
            buckets, UTC)
          </p>
          <div aria-hidden="true" className="h-56 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
                <Tooltip />
                <Legend />
                {USAGE_OUTCOMES.map((o) => (
                  <Bar
                    key={o}
                    dataKey={o}
                    name={OUTCOME_NAMES[o]}
                    stackId="outcomes"
                    fill={OUTCOME_COLORS[o]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details>
            <summary className="cursor-pointer text-sm">Show as a table</summary>
            <ScrollX label="Usage table">
              <table className="mt-2 min-w-full text-sm">
                <caption className="sr-only">Requests per {usage.granularity}, by outcome</caption>
                <thead>
                  <tr>
                    <th scope="col" className="text-left">
                      Start (UTC)
                    </th>
                    {USAGE_OUTCOMES.map((o) => (
                      <th key={o} scope="col" className="text-right">
                        {OUTCOME_NAMES[o]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.length === 0 ? (
                    <tr>
                      <td colSpan={USAGE_OUTCOMES.length + 1}>No requests in this window.</td>
                    </tr>
                  ) : (
                    data.map((b) => (
                      <tr key={b.start}>
                        <th scope="row" className="text-left font-normal">
                          {b.start}
                        </th>
                        {USAGE_OUTCOMES.map((o) => (
                          <td key={o} className="text-right tabular-nums">
                            {b[o]}
                          </td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </ScrollX>
          </details>
        </>
      )}
    </section>
  )
}
