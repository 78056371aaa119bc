import { ApiKeysEmptyState } from './api-keys-empty-state'
import { Button } from './button'
import { formatDate } from './format-date'
import { formatRelativeTime } from './format-relative-time'
import { TableHeader } from './table-header'
import { Timestamp } from './timestamp'
import type { ApiKeySummary } from './types'

export type KeyTableProps = {
  /** Rendered in the given order; the API already sorts newest first. */
  keys: ApiKeySummary[]
  /** A row's Revoke button was pressed; confirming is up to the caller. */
  onRequestRevoke: (apiKey: ApiKeySummary) => void
  /** Origin of the client API shown in the empty state's example request. */
  apiBaseUrl?: string
  /** Clock for "Last used" relative times; injectable for tests and stable renders. */
  now?: () => Date
  /** Screen-reader caption, e.g. naming whose keys an admin is looking at. */
  caption?: string
}

const BODY_CELL = 'px-6 py-4 whitespace-nowrap'

export function KeyTable({
  keys,
  onRequestRevoke,
  apiBaseUrl,
  now = () => new Date(),
  caption = 'Your API keys',
}: KeyTableProps) {
  if (keys.length === 0) return <ApiKeysEmptyState apiBaseUrl={apiBaseUrl} />

  const renderedAt = now()

  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-zinc-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <TableHeader columns={['Label', 'Prefix', 'Created', 'Last used']} withActions />
        <tbody className="divide-y divide-zinc-100 bg-white">
          {keys.map((apiKey) => (
            <tr key={apiKey.id} className="transition-colors hover:bg-zinc-50/60">
              <th scope="row" className={`${BODY_CELL} text-left font-medium text-zinc-900`}>
                {/* Labels run to 100 characters; the tooltip shows any truncated remainder. */}
                <span className="block max-w-xs truncate" title={apiKey.label}>
                  {apiKey.label}
                </span>
              </th>
              <td className={BODY_CELL}>
                <code className="rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700">
                  {apiKey.prefix}
                </code>
              </td>
              <td className={`${BODY_CELL} text-zinc-600`}>
                <Timestamp value={apiKey.created_at}>{formatDate(apiKey.created_at)}</Timestamp>
              </td>
              <td className={`${BODY_CELL} text-zinc-600`}>
                {apiKey.last_used === null ? (
                  <span className="text-zinc-400">Never</span>
                ) : (
                  <Timestamp value={apiKey.last_used}>{formatRelativeTime(apiKey.last_used, renderedAt)}</Timestamp>
                )}
              </td>
              <td className={`${BODY_CELL} text-right`}>
                {/* The visible "Revoke" is ambiguous across rows; the name says which key. */}
                <Button
                  variant="danger-subtle"
                  size="sm"
                  aria-label={`Revoke key ${apiKey.prefix}`}
                  onClick={() => onRequestRevoke(apiKey)}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
