import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { forgetSessionIfUnauthorized } from '../session/session-query.ts'
import { isWorthRetrying } from './api-error.ts'

const MAX_RETRIES = 2

export function createAppQueryClient(): QueryClient {
  const onError = (error: unknown) => forgetSessionIfUnauthorized(queryClient, error)
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < MAX_RETRIES && isWorthRetrying(error),
        staleTime: 15_000,
      },
      mutations: { retry: false },
    },
  })
  return queryClient
}
