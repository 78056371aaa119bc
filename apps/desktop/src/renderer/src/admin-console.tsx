import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { AdminAccountsTable, Button, ErrorMessage, getErrorMessage, Spinner } from '@storra/ui'
import type { AdminUser } from '../../shared/desktop-api.ts'
import { AccountKeys } from './account-keys.tsx'
import { useTRPC } from './trpc.ts'

export type AdminConsoleProps = {
  currentUserId: string
  /** The admin changed their own account (its plan): the header should show it. */
  onOwnAccountChanged: () => Promise<void>
}

/** Accounts for admins: search them, change plan or role, issue reset links, review keys, delete. */
export function AdminConsole({ currentUserId, onOwnAccountChanged }: AdminConsoleProps) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const headingId = useId()
  const accounts = useQuery(trpc.admin.listUsers.queryOptions(query === '' ? {} : { query }))
  const setPlan = useMutation(trpc.admin.setPlan.mutationOptions())
  const setRole = useMutation(trpc.admin.setRole.mutationOptions())
  const deleteUser = useMutation(trpc.admin.deleteUser.mutationOptions())
  const resetLink = useMutation(trpc.admin.resetLink.mutationOptions())
  const selected = accounts.data?.find((account) => account.id === selectedId)

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setQuery(search.trim())
  }

  /** Runs an account action with a showable failure, and reloads the list either way. */
  async function accountAction<T>(action: () => Promise<T>, fallback: string): Promise<T> {
    try {
      return await action()
    } catch (failure) {
      throw new Error(getErrorMessage(failure, fallback))
    } finally {
      await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter())
    }
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
          <AdminAccountsTable
            accounts={accounts.data}
            currentUserId={currentUserId}
            selectedId={selectedId}
            onViewKeys={(account: AdminUser) => setSelectedId(account.id)}
            onSetPlan={(account, plan) =>
              accountAction(async () => {
                await setPlan.mutateAsync({ userId: account.id, plan })
                if (account.id === currentUserId) void onOwnAccountChanged()
              }, 'Couldn’t change the plan.')
            }
            onSetRole={(account, role) =>
              accountAction(async () => {
                await setRole.mutateAsync({ userId: account.id, role })
              }, 'Couldn’t change the role.')
            }
            onResetLink={(account) =>
              accountAction(() => resetLink.mutateAsync({ userId: account.id }), 'Couldn’t issue a link.')
            }
            onDelete={(account) =>
              accountAction(async () => {
                if (selectedId === account.id) setSelectedId(null)
                await deleteUser.mutateAsync({ userId: account.id })
              }, 'Couldn’t delete the account.')
            }
          />
        )}
      </section>

      {selected && <AccountKeys key={selected.id} account={selected} onClose={() => setSelectedId(null)} />}
    </div>
  )
}
