import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { TRPCProvider, type DashboardTrpcClient } from './trpc.ts'

export interface AppProvidersProps {
  trpcClient: DashboardTrpcClient
  queryClient: QueryClient
  children: ReactNode
}

export function AppProviders({ trpcClient, queryClient, children }: AppProvidersProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  )
}
