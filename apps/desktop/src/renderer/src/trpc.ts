import { createTRPCClient, type TRPCClient } from '@trpc/client'
import { createTRPCContext } from '@trpc/tanstack-react-query'
import type { AppRouter } from '@storra/api'
import type { DesktopResult } from '../../shared/desktop-api.ts'
import { ipcLink } from './ipc-link.ts'

/** The dashboard router's typed client; in the desktop app its calls go to main, never to the network. */
export type DesktopTrpcClient = TRPCClient<AppRouter>

/** TanStack Query bindings for the dashboard router, as in the web app; calls travel over IPC. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>()

/** A client over {@link ipcLink}; `onResult` sees every answer (value or DesktopError) before the caller does. */
export function createDesktopTrpcClient(onResult: (result: DesktopResult<unknown>) => void): DesktopTrpcClient {
  return createTRPCClient<AppRouter>({ links: [ipcLink(onResult)] })
}
