import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { AdminAccountsTable, Button, ErrorMessage, Spinner } from '@storra/ui'
import { describeApiError } from '../api/api-error.ts'
import { useTRPC, useTRPCClient } from '../api/trpc.ts'
import { AppShell } from '../components/app-shell.tsx'
import { useDocumentTitle } from '../components/use-document-title.ts'
import { SESSION_QUERY_KEY, type SessionUser } from '../session/session-query.ts'

/** `/dashboard/admin` (admins): accounts with plan, role, reset link and deletion. */
export function AdminPage({ user }: { user: SessionUser }) {
  useDocumentTitle('Admin')
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const accounts = useQuery(trpc.admin.listUsers.queryOptions(query === '' ? {} : { query }))

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setQuery(search.trim())
  }

  /** Runs an account action with a showable failure, and reloads the list either way. */
  async function accountAction<T>(action: () => Promise<T>, fallback: string): Promise<T> {
    try {
      return await action()
    } catch (error) {
      throw new Error(describeApiError(error, fallback))
    } finally {
      await queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter())
    }
  }

  return (
    <AppShell user={user} current="admin">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Admin</h1>
          <p className="mt-1 text-sm text-zinc-500">
            Plans, roles, password reset links and account deletion (which revokes every key first).
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
      </div>
      <section
        aria-label="Accounts"
        className="mt-8 overflow-hidden rounded-xl border border-zinc-200 bg-white pt-4 shadow-sm"
      >
        {accounts.error ? (
          <ErrorMessage variant="banner" title="Couldn’t load accounts" className="mx-6 mb-4">
            {describeApiError(accounts.error, 'Something went wrong. Try again.')}
          </ErrorMessage>
        ) : accounts.data === undefined ? (
          <div className="flex justify-center py-10 text-zinc-400">
            <Spinner label="Loading accounts" className="size-5" />
          </div>
        ) : (
          <AdminAccountsTable
            accounts={accounts.data}
            currentUserId={user.id}
            onSetPlan={(account, plan) =>
              accountAction(async () => {
                await trpcClient.admin.setPlan.mutate({ userId: account.id, plan })
                // One's own plan shows in Settings: load the account again.
                if (account.id === user.id) await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
              }, 'Couldn’t change the plan.')
            }
            onSetRole={(account, role) =>
              accountAction(async () => {
                await trpcClient.admin.setRole.mutate({ userId: account.id, role })
              }, 'Couldn’t change the role.')
            }
            onResetLink={(account) =>
              accountAction(() => trpcClient.admin.resetLink.mutate({ userId: account.id }), 'Couldn’t issue a link.')
            }
            onDelete={(account) =>
              accountAction(async () => {
                await trpcClient.admin.deleteUser.mutate({ userId: account.id })
              }, 'Couldn’t delete the account.')
            }
          />
        )}
      </section>
    </AppShell>
  )
}
