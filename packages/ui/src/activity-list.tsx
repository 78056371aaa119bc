import type { AuditEvent, AuditEventType } from '@storra/core/types'
import { Button } from './button'
import { auditEventsToCsv } from './key-activity'
import { ScrollX } from './scroll-x'

const EVENT_NAMES: Record<AuditEventType, string> = {
  'api_key.created': 'Key created',
  'api_key.updated': 'Key edited',
  'api_key.rotated': 'Key rotated',
  'api_key.revoked': 'Key revoked',
  'session.login': 'Signed in',
  'session.login_failed': 'Failed sign-in',
  'session.logout_everywhere': 'Signed out everywhere',
  'user.password_changed': 'Password changed',
  'user.plan_changed': 'Plan changed',
  'user.role_changed': 'Role changed',
  'user.deleted': 'Account deleted',
  'user.password_reset_issued': 'Password reset link issued',
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  URL.revokeObjectURL(url)
}

export type ActivityListProps = {
  events: AuditEvent[] | undefined
  /** More pages exist: shows "Load more". */
  hasMore: boolean
  onLoadMore: () => void
  isLoadingMore?: boolean
  error?: string | null
}

/** The account's audit log, newest first, with CSV and JSON export of what is loaded. */
export function ActivityList({ events, hasMore, onLoadMore, isLoadingMore, error }: ActivityListProps) {
  return (
    <section aria-labelledby="activity-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="activity-heading" className="text-base font-semibold">
          Activity
        </h2>
        <div className="flex gap-2">
          <Button
            variant="secondary"
            disabled={!events?.length}
            onClick={() => download('storra-activity.csv', 'text/csv', auditEventsToCsv(events ?? []))}
          >
            Export CSV
          </Button>
          <Button
            variant="secondary"
            disabled={!events?.length}
            onClick={() => download('storra-activity.json', 'application/json', JSON.stringify(events ?? [], null, 2))}
          >
            Export JSON
          </Button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
      {!events ? (
        <p className="text-sm text-zinc-500">Loading activity…</p>
      ) : events.length === 0 ? (
        <p className="text-sm text-zinc-500">Nothing has happened yet.</p>
      ) : (
        <ScrollX label="Audit log">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Account activity, newest first</caption>
            <thead>
              <tr>
                {['When (UTC)', 'Event', 'By', 'Key', 'From'].map((h) => (
                  <th key={h} scope="col" className="text-left">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{e.created_at.replace('T', ' ').slice(0, 19)}</td>
                  <td>
                    {EVENT_NAMES[e.type] ?? e.type}
                    {typeof e.details.reason === 'string' ? ` (${e.details.reason})` : ''}
                  </td>
                  <td>{e.actor}</td>
                  <td className="font-mono">{e.key_prefix ?? ''}</td>
                  <td className="min-w-48 break-words">
                    {e.ip ?? ''}
                    {e.user_agent ? <span className="block text-xs text-zinc-500">{e.user_agent}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollX>
      )}
      {hasMore ? (
        <Button variant="secondary" onClick={onLoadMore} disabled={isLoadingMore}>
          Load more
        </Button>
      ) : null}
    </section>
  )
}
