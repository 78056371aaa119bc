import type { ReactNode } from 'react'
import { ApiKeysEmptyState } from './api-keys-empty-state'
import { Button } from './button'
import { formatRecentOrDate, formatRelativeTime } from './format-relative-time'
import { TableHeader } from './table-header'
import { Timestamp } from './timestamp'
import { KeyStatus } from './key-status'
import { DEFAULT_KEY_POLICY, type ApiKey, type KeyPolicy } from './key-lifecycle'

export type KeyTableProps = {
  /** Live keys, rendered in the given order; the API already sorts newest first. */
  keys: ApiKey[]
  /** A row's Revoke button was pressed; confirming is up to the caller. */
  onRequestRevoke: (apiKey: ApiKey) => void
  /** A row's Rotate button was pressed (no button without this, nor on a key already rotating). */
  onRequestRotate?: (apiKey: ApiKey) => void
  /** A row's Edit button was pressed (no button without this). */
  onRequestEdit?: (apiKey: ApiKey) => void
  /** For a rotating key's words ("will end when silent for 15 min"). */
  policy?: Pick<KeyPolicy, 'rotation_quiet_seconds'>
  /** Origin of the client API shown in the empty state's example request. */
  apiBaseUrl?: string
  /** Clock for the relative times ("3 minutes ago"); injectable for tests and stable renders. */
  now?: () => Date
  /** Screen-reader caption, e.g. naming whose keys an admin is looking at. */
  caption?: string
}

/*
 * One table, two layouts. From `sm` (640 px) up it is an ordinary table. Below, every row
 * becomes a card (label and Revoke on top, prefix, then Created and Last used side by side),
 * as Stripe and GitHub list keys on phones, so nothing hides off-screen behind a sideways
 * scroll. The explicit ARIA roles keep the table's semantics when the display changes
 * (WebKit drops them for `display: block/grid` tables).
 */
// Six columns: compact padding between them, the section's 24 px at the outer edges.
const CELL = 'whitespace-nowrap sm:px-3 sm:py-4 sm:first:pl-6 sm:last:pr-6'
const CARD_ROW =
  'max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-4 max-sm:gap-y-2 max-sm:px-4 max-sm:py-4 sm:table-row'

/** The column name shown inside a card, where the header row is hidden; the header names it for assistive technology. */
function CardLabel({ children }: { children: ReactNode }) {
  return (
    <span aria-hidden="true" className="block text-xs font-medium text-zinc-500 sm:hidden">
      {children}
    </span>
  )
}

export function KeyTable({
  keys,
  onRequestRevoke,
  onRequestRotate,
  onRequestEdit,
  policy = DEFAULT_KEY_POLICY,
  apiBaseUrl,
  now = () => new Date(),
  caption = 'Your API keys',
}: KeyTableProps) {
  if (keys.length === 0) return <ApiKeysEmptyState apiBaseUrl={apiBaseUrl} />

  const renderedAt = now()
  // Edit and Rotate only where the caller offers them; a key already rotating is not rotated again.
  const rowActions = (apiKey: ApiKey) =>
    [
      onRequestEdit && { verb: 'Edit', onPress: onRequestEdit, variant: 'ghost' as const },
      onRequestRotate &&
        apiKey.state === 'active' && { verb: 'Rotate', onPress: onRequestRotate, variant: 'ghost' as const },
      { verb: 'Revoke', onPress: onRequestRevoke, variant: 'danger-subtle' as const },
    ].filter((action) => !!action)

  return (
    <div className="relative sm:overflow-x-auto">
      <table role="table" className="min-w-full divide-y divide-zinc-200 text-sm max-sm:block">
        <caption className="sr-only">{caption}</caption>
        <TableHeader
          columns={['Label', 'Prefix', 'Created', 'Last used', 'Status']}
          withActions
          density="compact"
          className="max-sm:sr-only"
        />
        <tbody role="rowgroup" className="divide-y divide-zinc-100 bg-white max-sm:block">
          {keys.map((apiKey) => (
            <tr key={apiKey.id} role="row" className={`${CARD_ROW} transition-colors hover:bg-zinc-50/60`}>
              <th
                scope="row"
                role="rowheader"
                className={`${CELL} min-w-0 text-left font-medium text-zinc-900 max-sm:self-center max-sm:whitespace-normal`}
              >
                {/* Labels run to 100 characters: a phone wraps them, a table row truncates with a tooltip. */}
                <span className="block break-words sm:max-w-xs sm:truncate" title={apiKey.label}>
                  {apiKey.label}
                </span>
              </th>
              <td role="cell" className={`${CELL} max-sm:col-span-2 max-sm:row-start-2`}>
                <code className="rounded-md bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 slashed-zero">
                  {apiKey.prefix}
                </code>
              </td>
              <td role="cell" className={`${CELL} text-zinc-600 max-sm:row-start-3`}>
                <CardLabel>Created</CardLabel>
                <Timestamp value={apiKey.created_at}>{formatRecentOrDate(apiKey.created_at, renderedAt)}</Timestamp>
              </td>
              <td role="cell" className={`${CELL} text-zinc-600 max-sm:row-start-3`}>
                <CardLabel>Last used</CardLabel>
                {apiKey.last_used === null ? (
                  <span className="text-zinc-400">Never</span>
                ) : (
                  <Timestamp value={apiKey.last_used}>{formatRelativeTime(apiKey.last_used, renderedAt)}</Timestamp>
                )}
              </td>
              <td role="cell" className={`${CELL} text-zinc-600 max-sm:col-span-2 max-sm:row-start-4`}>
                <CardLabel>Status</CardLabel>
                <KeyStatus apiKey={apiKey} keys={keys} policy={policy} now={renderedAt} />
              </td>
              <td role="cell" className={`${CELL} text-right max-sm:col-start-2 max-sm:row-start-1 max-sm:self-center`}>
                {/* The visible words are ambiguous across rows; each name says which key. */}
                <span className="inline-flex flex-wrap justify-end gap-1 sm:flex-nowrap">
                  {rowActions(apiKey).map(({ verb, onPress, variant }) => (
                    <Button
                      key={verb}
                      size="sm"
                      variant={variant}
                      aria-label={`${verb} key ${apiKey.prefix}`}
                      onClick={() => onPress(apiKey)}
                    >
                      {verb}
                    </Button>
                  ))}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
