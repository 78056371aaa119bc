import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ActivityList, KeyActivityPanel, KeyUsageChart, useNow } from '@storra/ui'
import type { UsageWindow } from '@storra/core/types'
import { describeApiError } from '../api/api-error.ts'
import { useTRPC, useTRPCClient } from '../api/trpc.ts'

const FAILED = 'Something went wrong on our side. Reload the page to try again.'

/** One key's chart, loaded for the chosen window. */
function KeyUsage({ prefix }: { prefix: string }) {
  const trpc = useTRPC()
  const [window, setWindow] = useState<UsageWindow>('24h')
  const usage = useQuery(trpc.apiKeys.usage.queryOptions({ prefix, window }))
  return (
    <KeyUsageChart
      usage={usage.data}
      window={window}
      onWindowChange={setWindow}
      error={usage.error ? describeApiError(usage.error, FAILED) : null}
    />
  )
}

/** Settings → Key usage and Activity: sparklines, last use, stale-key flags, charts, the audit log. */
export function ActivitySection() {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const now = useNow()
  const [openPrefix, setOpenPrefix] = useState<string | null>(null)
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ state: 'all' }))
  const activity = useQuery(trpc.apiKeys.activity.queryOptions())
  const log = useInfiniteQuery({
    queryKey: ['audit.list'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => trpcClient.audit.list.query(pageParam ? { cursor: pageParam } : {}),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  })
  return (
    <div id="activity" className="space-y-8 rounded-lg border border-zinc-200 bg-white p-6">
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
        error={log.error ? describeApiError(log.error, FAILED) : null}
      />
    </div>
  )
}
