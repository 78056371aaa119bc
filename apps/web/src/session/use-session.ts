import { useQuery } from '@tanstack/react-query'
import { useTRPCClient } from '../api/trpc.ts'
import { sessionQueryOptions, type SessionUser } from './session-query.ts'

export type Session =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void; isRetrying: boolean }
  | { status: 'anonymous' }
  | { status: 'authenticated'; user: SessionUser }

export function useSession(): Session {
  const query = useQuery(sessionQueryOptions(useTRPCClient()))
  if (query.data) return { status: 'authenticated', user: query.data }
  if (query.data === null) return { status: 'anonymous' }
  if (query.isError)
    return { status: 'error', error: query.error, retry: () => void query.refetch(), isRetrying: query.isFetching }
  return { status: 'loading' }
}
