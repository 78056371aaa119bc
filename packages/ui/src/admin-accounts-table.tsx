import { useState } from 'react'
import { PLAN_NAMES, PLANS, ROLES, type AdminUser, type Plan, type Role } from '@storra/core/types'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { formatDate } from './format-date'
import { TableHeader } from './table-header'
import { Timestamp } from './timestamp'

/** A one-time password reset link as `admin.resetLink` answers it. */
export type IssuedResetLink = { url: string; email: string; expires_at: string }

export type AdminAccountsTableProps = {
  accounts: AdminUser[]
  /** The signed-in admin: their own role and deletion are not offered (the server refuses them too). */
  currentUserId: string
  /** Each action rejects with a message fit to show; the caller reloads the list afterwards. */
  onSetPlan: (account: AdminUser, plan: Plan) => Promise<void>
  onSetRole: (account: AdminUser, role: Role) => Promise<void>
  onResetLink: (account: AdminUser) => Promise<IssuedResetLink>
  /** Revokes every key of the account, then deletes it. */
  onDelete: (account: AdminUser) => Promise<void>
  /** "View keys" per row, when the console shows keys. */
  onViewKeys?: (account: AdminUser) => void
  selectedId?: string | null
}

const BODY_CELL = 'px-6 py-3 whitespace-nowrap'
const SELECT =
  'rounded-md border-0 bg-white py-1 pr-8 pl-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 disabled:opacity-50'

/**
 * The admin console's accounts (web and desktop): plan and role, a password reset link to hand
 * over, and deletion after a second, confirming click.
 */
export function AdminAccountsTable({
  accounts,
  currentUserId,
  onSetPlan,
  onSetRole,
  onResetLink,
  onDelete,
  onViewKeys,
  selectedId,
}: AdminAccountsTableProps) {
  const [busyId, setBusyId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirmDeleteId, setConfirmDeleteId] = useState<string | null>(null)
  const [issuedLink, setIssuedLink] = useState<IssuedResetLink | null>(null)

  async function act(account: AdminUser, action: () => Promise<void>) {
    setBusyId(account.id)
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    } finally {
      setBusyId(null)
    }
  }

  function remove(account: AdminUser) {
    if (confirmDeleteId !== account.id) return setConfirmDeleteId(account.id)
    setConfirmDeleteId(null)
    void act(account, () => onDelete(account))
  }

  return (
    <div>
      {error && (
        <ErrorMessage variant="banner" title="That didn’t work" className="mx-6 mb-4">
          {error}
        </ErrorMessage>
      )}
      {issuedLink && (
        <div role="status" className="mx-6 mb-4 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm">
          <p className="font-medium text-zinc-900">
            Password reset link for {issuedLink.email} (works once, until {formatDate(issuedLink.expires_at)}):
          </p>
          <p className="mt-1 font-mono break-all text-zinc-700 select-all" data-testid="reset-link">
            {issuedLink.url}
          </p>
          <Button size="sm" className="mt-2" onClick={() => setIssuedLink(null)}>
            Done
          </Button>
        </div>
      )}
      <div className="overflow-x-auto border-t border-zinc-200" aria-busy={busyId !== null}>
        <table className="min-w-full divide-y divide-zinc-200 text-sm">
          <caption className="sr-only">Accounts</caption>
          <TableHeader columns={['Email', 'Plan', 'Role', 'Active keys', 'Created']} withActions />
          <tbody className="divide-y divide-zinc-100 bg-white">
            {accounts.map((account) => (
              <tr key={account.id} className={account.id === selectedId ? 'bg-indigo-50/50' : undefined}>
                <th scope="row" className={`${BODY_CELL} text-left font-medium text-zinc-900`}>
                  {account.email}
                </th>
                <td className={BODY_CELL}>
                  <select
                    aria-label={`Plan of ${account.email}`}
                    value={account.plan}
                    disabled={busyId === account.id}
                    onChange={(event) => void act(account, () => onSetPlan(account, event.target.value as Plan))}
                    className={SELECT}
                  >
                    {PLANS.map((plan) => (
                      <option key={plan} value={plan}>
                        {PLAN_NAMES[plan]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={BODY_CELL}>
                  <select
                    aria-label={`Role of ${account.email}`}
                    value={account.role}
                    disabled={busyId === account.id || account.id === currentUserId}
                    onChange={(event) => void act(account, () => onSetRole(account, event.target.value as Role))}
                    className={SELECT}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role === 'admin' ? 'Admin' : 'User'}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={`${BODY_CELL} text-zinc-600 tabular-nums`}>{account.active_keys}</td>
                <td className={`${BODY_CELL} text-zinc-600`}>
                  <Timestamp value={account.created_at}>{formatDate(account.created_at)}</Timestamp>
                </td>
                <td className={`${BODY_CELL} space-x-2 text-right`}>
                  {onViewKeys && (
                    <Button size="sm" aria-label={`View keys of ${account.email}`} onClick={() => onViewKeys(account)}>
                      View keys
                    </Button>
                  )}
                  <Button
                    size="sm"
                    aria-label={`Password reset link for ${account.email}`}
                    onClick={() => void act(account, async () => setIssuedLink(await onResetLink(account)))}
                  >
                    Reset link
                  </Button>
                  {account.id !== currentUserId && (
                    <Button
                      size="sm"
                      variant={confirmDeleteId === account.id ? 'danger' : 'danger-subtle'}
                      aria-label={
                        confirmDeleteId === account.id
                          ? `Confirm: delete ${account.email} and revoke its keys`
                          : `Delete ${account.email}`
                      }
                      onClick={() => remove(account)}
                    >
                      {confirmDeleteId === account.id ? 'Confirm delete' : 'Delete'}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
