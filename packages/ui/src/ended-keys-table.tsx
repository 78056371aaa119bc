import { describeEnding, type EndingViewer } from './key-state-words'
import { formatRecentOrDate } from './format-relative-time'
import { TableHeader } from './table-header'
import { Timestamp } from './timestamp'
import type { ApiKey } from './key-lifecycle'

export type EndedKeysTableProps = {
  /** Revoked and expired keys, in the given order. */
  keys: ApiKey[]
  now?: () => Date
  /** Whose words: the owner's ("Revoked by you", the default) or an operator's. */
  viewer?: EndingViewer
  caption?: string
}

const CELL = 'px-6 py-3 max-sm:block max-sm:px-4 max-sm:py-0.5'

/** The history list behind "Show revoked and expired": when and why each key ended. Stacks under 640 px. */
export function EndedKeysTable({
  keys,
  now = () => new Date(),
  viewer = 'owner',
  caption = 'Revoked and expired keys',
}: EndedKeysTableProps) {
  const renderedAt = now()
  if (keys.length === 0)
    return <p className="px-6 py-6 text-center text-sm text-zinc-500">No revoked or expired keys.</p>
  return (
    <table role="table" className="min-w-full divide-y divide-zinc-200 text-sm max-sm:block">
      <caption className="sr-only">{caption}</caption>
      <TableHeader columns={['Label', 'Prefix', 'Ended', 'Reason']} className="max-sm:sr-only" />
      <tbody role="rowgroup" className="divide-y divide-zinc-100 bg-white text-zinc-500 max-sm:block">
        {keys.map((apiKey) => {
          const endedAt = apiKey.revoked_at ?? apiKey.expires_at
          return (
            <tr key={apiKey.id} role="row" className="max-sm:block max-sm:py-3">
              <th scope="row" role="rowheader" className={`${CELL} text-left font-medium text-zinc-700`}>
                <span className="block break-words sm:max-w-xs sm:truncate" title={apiKey.label}>
                  {apiKey.label}
                </span>
              </th>
              <td role="cell" className={CELL}>
                <code className="font-mono text-xs slashed-zero">{apiKey.prefix}</code>
              </td>
              <td role="cell" className={`${CELL} whitespace-nowrap`}>
                {endedAt && <Timestamp value={endedAt}>{formatRecentOrDate(endedAt, renderedAt)}</Timestamp>}
              </td>
              <td role="cell" className={CELL}>
                {describeEnding(apiKey, viewer)}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
