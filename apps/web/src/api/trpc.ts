import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import type { AppRouter } from '@storra/api'

/** Same origin as the page, so the browser sends the session cookie and no CORS is involved. */
const DASHBOARD_TRPC_URL = '/api/v1/dashboard/trpc'

export type DashboardTrpcClient = TRPCClient<AppRouter>

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

export interface DashboardClientOptions {
  /** Absolute in tests, which talk to a server on another origin. */
  url?: string
  fetch?: typeof globalThis.fetch
}

export function createDashboardClient({
  url = DASHBOARD_TRPC_URL,
  fetch,
}: DashboardClientOptions = {}): DashboardTrpcClient {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url, fetch })] })
}
