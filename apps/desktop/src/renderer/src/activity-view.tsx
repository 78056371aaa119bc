import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ActivityList, getErrorMessage, KeyActivityPanel, KeyUsageChart, useNow } from '@storra/ui'
import type { UsageWindow } from '@storra/core/types'
import { useTRPC, useTRPCClient } from './trpc.ts'

const FAILED = 'Something went wrong. Try again.'

function KeyUsage({ prefix }: { prefix: string }) {
  const trpc = useTRPC()
  const [window, setWindow] = useState<UsageWindow>('24h')
  const usage = useQuery(trpc.apiKeys.usage.queryOptions({ prefix, window }))
  return (
    <KeyUsageChart
      usage={usage.data}
      window={window}
      onWindowChange={setWindow}
      error={usage.error ? getErrorMessage(usage.error, FAILED) : null}
    />
  )
}

/** The signed-in account's key usage and audit log, through the same components as the web dashboard. */
export function ActivityView() {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const now = useNow()
  const [openPrefix, setOpenPrefix] = useState<string | null>(null)
  // Revoked keys too: one still being tried today is flagged (a deployment holds it, or it leaked).
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ state: 'all' }))
  const activity = useQuery(trpc.apiKeys.activity.queryOptions())
  const log = useInfiniteQuery({
    queryKey: ['audit.list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => trpcClient.audit.list.query(pageParam ? { cursor: pageParam } : undefined),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  })
  return (
    <div className="mt-8 space-y-8 rounded-xl border border-zinc-200 bg-white p-6">
      <KeyActivityPanel
        keys={keys.data}
        activity={activity.data?.keys}
        openPrefix={openPrefix}
        onToggle={(prefix) => setOpenPrefix((open) => (open === prefix ? null : prefix))}
        chart={openPrefix ? <KeyUsage prefix={openPrefix} /> : null}
        now={now}
      />
      <ActivityList
        events={log.data?.pages.flatMap((page) => page.events)}
        hasMore={log.hasNextPage}
        onLoadMore={() => void log.fetchNextPage()}
        isLoadingMore={log.isFetchingNextPage}
        error={log.error ? getErrorMessage(log.error, FAILED) : null}
      />
    </div>
  )
}
