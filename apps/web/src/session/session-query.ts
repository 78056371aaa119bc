import { queryOptions, type QueryClient } from '@tanstack/react-query'
import type { RouterOutputs } from '@storra/api'
import { isUnauthorized } from '../api/api-error.ts'
import type { DashboardTrpcClient } from '../api/trpc.ts'

export type SessionUser = RouterOutputs['auth']['me']['user']

/** "Who is logged in": a user, or null for nobody. Everything else in the cache belongs to that user. */
export const SESSION_QUERY_KEY = ['session'] as const

export function sessionQueryOptions(client: DashboardTrpcClient) {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    // Being logged out is an answer, not a failure: auth.session answers 200 with a null user,
    // so a logged-out visit leaves no failed request in the browser console (auth.me would 401).
    queryFn: async (): Promise<SessionUser | null> => (await client.auth.session.query()).user,
  })
}

function dropAccountData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] })
}

/** After a login: nothing cached for a previous account may show for this one. */
export function rememberSession(queryClient: QueryClient, user: SessionUser): void {
  dropAccountData(queryClient)
  queryClient.setQueryData(SESSION_QUERY_KEY, user)
}

/** After a logout or an expired session: the router sends the page to the login form. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(SESSION_QUERY_KEY, null)
  dropAccountData(queryClient)
}

/**
 * Any call answered UNAUTHORIZED means the session ended (logout in another tab, expiry, a
 * password change): forget it, and the router takes the page to the login form.
 */
export function forgetSessionIfUnauthorized(queryClient: QueryClient, error: unknown): void {
  if (isUnauthorized(error)) forgetSession(queryClient)
}
