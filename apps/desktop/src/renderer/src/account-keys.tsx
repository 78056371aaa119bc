import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import {
  ActivityList,
  Button,
  EndedKeysTable,
  ErrorMessage,
  getErrorMessage,
  isLiveKey,
  KeyTable,
  KeyTableSkeleton,
  RevokeKeyDialog,
  type ApiKey,
} from '@storra/ui'
import type { AdminUser } from '../../shared/desktop-api.ts'
import { useTRPC, useTRPCClient } from './trpc.ts'

export type AccountKeysProps = {
  account: AdminUser
  onClose: () => void
}

/**
 * An admin's view of one account's keys: the live ones, with the same revoke confirmation as
 * everywhere, then the revoked and expired ones with when and why each ended.
 */
export function AccountKeys({ account, onClose }: AccountKeysProps) {
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const keys = useQuery(trpc.admin.listKeys.queryOptions({ userId: account.id }))
  // The server's rules, for a rotating key's words ("will end when silent for 15 min").
  const policy = useQuery(trpc.apiKeys.policy.queryOptions())
  const revokeKey = useMutation(trpc.admin.revokeKey.mutationOptions())
  const trpcClient = useTRPCClient()
  // The account's audit log, as an admin sees it (admin.auditLog).
  const log = useInfiniteQuery({
    queryKey: ['admin.auditLog', account.id],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      trpcClient.admin.auditLog.query(pageParam ? { userId: account.id, cursor: pageParam } : { userId: account.id }),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  })
  const [keyToRevoke, setKeyToRevoke] = useState<ApiKey | null>(null)
  const headingId = useId()
  const liveKeys = keys.data?.filter(isLiveKey)
  const endedKeys = keys.data?.filter((key) => !isLiveKey(key)) ?? []

  async function revoke(prefix: string) {
    try {
      await revokeKey.mutateAsync({ userId: account.id, prefix })
    } finally {
      // The account list's key counts are out of date too.
      void queryClient.invalidateQueries(trpc.admin.listKeys.queryFilter({ userId: account.id }))
      void queryClient.invalidateQueries(trpc.admin.listUsers.pathFilter())
      void queryClient.invalidateQueries({ queryKey: ['admin.auditLog', account.id] })
    }
  }

  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm"
    >
      <header className="flex items-start justify-between gap-4 px-6 py-5">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-zinc-900">
            Active keys of {account.email}
          </h2>
          <p className="mt-1 text-sm text-zinc-500">Revoking a key stops it working at once, for every request.</p>
        </div>
        <Button size="sm" onClick={onClose}>
          Close
        </Button>
      </header>
      <div className="border-t border-zinc-200" aria-busy={keys.isFetching}>
        {keys.error && (
          <ErrorMessage variant="banner" title="Couldn’t load the keys" className="m-6">
            {getErrorMessage(keys.error, 'Something went wrong. Try again.')}
          </ErrorMessage>
        )}
        {liveKeys === undefined ? (
          keys.isPending && <KeyTableSkeleton />
        ) : liveKeys.length === 0 ? (
          <p className="px-6 py-10 text-center text-sm text-zinc-500">This account has no active keys.</p>
        ) : (
          <KeyTable
            keys={liveKeys}
            onRequestRevoke={setKeyToRevoke}
            policy={policy.data}
            caption={`Active keys of ${account.email}`}
          />
        )}
        {endedKeys.length > 0 && (
          <div className="border-t border-zinc-200">
            <h3 className="px-6 pt-5 pb-2 text-sm font-semibold text-zinc-900">Revoked and expired keys</h3>
            <EndedKeysTable
              keys={endedKeys}
              viewer="operator"
              caption={`Revoked and expired keys of ${account.email}`}
            />
          </div>
        )}
      </div>
      <div className="border-t border-zinc-200 p-6">
        <ActivityList
          events={log.data?.pages.flatMap((page) => page.events)}
          hasMore={log.hasNextPage}
          onLoadMore={() => void log.fetchNextPage()}
          isLoadingMore={log.isFetchingNextPage}
          error={log.error ? getErrorMessage(log.error, 'Something went wrong. Try again.') : null}
        />
      </div>
      {keyToRevoke && (
        <RevokeKeyDialog
          apiKey={keyToRevoke}
          onConfirm={() => revoke(keyToRevoke.prefix)}
          onClose={() => setKeyToRevoke(null)}
        />
      )}
    </section>
  )
}
