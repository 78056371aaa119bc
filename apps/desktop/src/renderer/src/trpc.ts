import { createTRPCClient, type TRPCClient } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import type { AppRouter } from '@storra/api'
import type { DesktopResult } from '../../shared/desktop-api.ts'
import { ipcLink } from './ipc-link.ts'

export type DesktopTrpcClient = TRPCClient<AppRouter>

/** TanStack Query bindings for the dashboard router, as in the web app; calls travel over IPC. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

export function createDesktopTrpcClient(onResult: (result: DesktopResult<unknown>) => void): DesktopTrpcClient {
  return createTRPCClient<AppRouter>({ links: [ipcLink(onResult)] })
}
