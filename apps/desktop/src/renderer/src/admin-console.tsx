import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { Button, ErrorMessage, formatDate, getErrorMessage, Spinner, TableHeader, Timestamp } from '@storra/ui'
import { PLAN_NAMES, PLANS, ROLES, type Plan, type Role } from '@storra/core/types'
import type { AdminUser } from '../../shared/desktop-api.ts'
import { AccountKeys } from './account-keys.tsx'
import { useTRPC } from './trpc.ts'

export type AdminConsoleProps = {
  currentUserId: string
  /** The admin changed their own account (its plan): the header should show it. */
  onOwnAccountChanged: () => Promise<void>
}

const BODY_CELL = 'px-6 py-3 whitespace-nowrap'

/** Accounts for admins: search them, change their plan, and review or revoke their keys. */
export function AdminConsole({ currentUserId, onOwnAccountChanged }: AdminConsoleProps) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [planChange, setPlanChange] = useState<{ userId: string; error?: string } | null>(null)
  const headingId = useId()
  const accounts = useQuery(trpc.admin.listUsers.queryOptions(query === '' ? {} : { query }))
  const setPlan = useMutation(trpc.admin.setPlan.mutationOptions())
  const setRole = useMutation(trpc.admin.setRole.mutationOptions())
  const deleteUser = useMutation(trpc.admin.deleteUser.mutationOptions())
  const resetLink = useMutation(trpc.admin.resetLink.mutationOptions())
  /** The account whose Delete was clicked once: a second click deletes it. */
  const [confirmDeleteId, setConfirmDeleteId] = useState<string | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [issuedLink, setIssuedLink] = useState<{ email: string; url: string; expires_at: string } | null>(null)

  /** Runs an account action, shows its failure, and reloads the list either way. */
  async function accountAction(action: () => Promise<unknown>, fallback: string) {
    setActionError(null)
    try {
      await action()
    } catch (failure) {
      setActionError(getErrorMessage(failure, fallback))
    }
    await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter())
  }

  const changeRole = (account: AdminUser, role: Role) =>
    accountAction(() => setRole.mutateAsync({ userId: account.id, role }), 'Couldn’t change the role.')

  const issueResetLink = (account: AdminUser) =>
    accountAction(
      async () => setIssuedLink(await resetLink.mutateAsync({ userId: account.id })),
      'Couldn’t issue a link.',
    )

  async function removeAccount(account: AdminUser) {
    if (confirmDeleteId !== account.id) return setConfirmDeleteId(account.id)
    setConfirmDeleteId(null)
    if (selectedId === account.id) setSelectedId(null)
    await accountAction(() => deleteUser.mutateAsync({ userId: account.id }), 'Couldn’t delete the account.')
  }
  const selected = accounts.data?.find((account) => account.id === selectedId)

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setQuery(search.trim())
  }

  async function changePlan(account: AdminUser, plan: Plan) {
    setPlanChange({ userId: account.id })
    try {
      await setPlan.mutateAsync({ userId: account.id, plan })
      setPlanChange(null)
      if (account.id === currentUserId) void onOwnAccountChanged()
    } catch (failure) {
      setPlanChange({ userId: account.id, error: getErrorMessage(failure, 'Couldn’t change the plan.') })
    }
    await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter())
  }

  return (
    <div className="space-y-6">
      <section
        aria-labelledby={headingId}
        className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm"
      >
        <header className="flex flex-wrap items-end justify-between gap-4 px-6 pt-6 pb-4">
          <div>
            <h2 id={headingId} className="text-base font-semibold text-zinc-900">
              Accounts
            </h2>
            <p className="mt-1 text-sm text-zinc-500">
              Change an account’s plan or role, issue a password reset link, review and revoke its API keys, or delete
              it.
            </p>
          </div>
          <form role="search" onSubmit={submitSearch} className="flex gap-2">
            <input
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              aria-label="Search accounts by email"
              placeholder="Search by email"
              maxLength={320}
              className="block w-64 rounded-lg border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
            />
            <Button type="submit">Search</Button>
          </form>
        </header>

        {accounts.error && (
          <ErrorMessage variant="banner" title="Couldn’t load accounts" className="mx-6 mb-4">
            {getErrorMessage(accounts.error, 'Something went wrong. Try again.')}
          </ErrorMessage>
        )}
        {actionError && (
          <ErrorMessage variant="banner" title="That didn’t work" className="mx-6 mb-4">
            {actionError}
          </ErrorMessage>
        )}
        {issuedLink && (
          <div role="status" className="mx-6 mb-4 rounded-lg border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm">
            <p className="font-medium text-zinc-900">
              Password reset link for {issuedLink.email} (works once, until {formatDate(issuedLink.expires_at)}):
            </p>
            <p className="mt-1 font-mono break-all text-zinc-700 select-all">{issuedLink.url}</p>
            <Button size="sm" className="mt-2" onClick={() => setIssuedLink(null)}>
              Done
            </Button>
          </div>
        )}
        {planChange?.error && (
          <ErrorMessage variant="banner" title="Couldn’t change the plan" className="mx-6 mb-4">
            {planChange.error}
          </ErrorMessage>
        )}

        {accounts.data === undefined ? (
          accounts.isPending && (
            <div className="flex justify-center border-t border-zinc-200 py-10 text-zinc-400">
              <Spinner label="Loading accounts" className="size-5" />
            </div>
          )
        ) : accounts.data.length === 0 ? (
          <p className="border-t border-zinc-200 px-6 py-10 text-center text-sm text-zinc-500">
            {query ? `No accounts match “${query}”.` : 'There are no accounts yet.'}
          </p>
        ) : (
          <div className="overflow-x-auto border-t border-zinc-200" aria-busy={accounts.isFetching}>
            <table className="min-w-full divide-y divide-zinc-200 text-sm">
              <caption className="sr-only">Accounts</caption>
              <TableHeader columns={['Email', 'Plan', 'Role', 'Active keys', 'Created']} withActions />
              <tbody className="divide-y divide-zinc-100 bg-white">
                {accounts.data.map((account) => (
                  <tr key={account.id} className={account.id === selectedId ? 'bg-indigo-50/50' : undefined}>
                    <th scope="row" className={`${BODY_CELL} text-left font-medium text-zinc-900`}>
                      {account.email}
                    </th>
                    <td className={BODY_CELL}>
                      <select
                        aria-label={`Plan of ${account.email}`}
                        value={account.plan}
                        disabled={planChange?.userId === account.id && !planChange.error}
                        onChange={(event) => void changePlan(account, event.target.value as Plan)}
                        className="rounded-md border-0 bg-white py-1 pr-8 pl-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 disabled:opacity-50"
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
                        // An admin cannot demote themselves here (the server refuses it too).
                        disabled={account.id === currentUserId}
                        onChange={(event) => void changeRole(account, event.target.value as Role)}
                        className="rounded-md border-0 bg-white py-1 pr-8 pl-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 disabled:opacity-50"
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
                    <td className={`${BODY_CELL} text-right`}>
                      <Button
                        size="sm"
                        aria-label={`View keys of ${account.email}`}
                        onClick={() => setSelectedId(account.id)}
                      >
                        View keys
                      </Button>
                      <Button
                        size="sm"
                        className="ml-2"
                        aria-label={`Password reset link for ${account.email}`}
                        onClick={() => void issueResetLink(account)}
                      >
                        Reset link
                      </Button>
                      {account.id !== currentUserId && (
                        <Button
                          size="sm"
                          className="ml-2"
                          variant={confirmDeleteId === account.id ? 'danger' : 'danger-subtle'}
                          aria-label={
                            confirmDeleteId === account.id
                              ? `Confirm: delete ${account.email} and revoke its keys`
                              : `Delete ${account.email}`
                          }
                          onClick={() => void removeAccount(account)}
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
        )}
      </section>

      {selected && <AccountKeys key={selected.id} account={selected} onClose={() => setSelectedId(null)} />}
    </div>
  )
}
