import type { DashboardRestClient } from '../../src/testing.ts'

const TRPC = '/api/v1/dashboard/trpc'

/** A tRPC mutation as httpLink sends it (unbatched): POST with the input as the JSON body. */
export function trpcMutation(
  client: DashboardRestClient,
  path: string,
  input?: unknown,
  headers?: Record<string, string>,
): Promise<Response> {
  return client.request('POST', `${TRPC}/${path}`, input ?? {}, headers)
}

/** A tRPC query as httpLink sends it: GET with the input JSON in `?input=`. */
export function trpcQuery(client: DashboardRestClient, path: string, input?: unknown): Promise<Response> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`
  return client.request('GET', `${TRPC}/${path}${query}`)
}

export interface TrpcErrorEnvelope {
  error: { message: string; code: number; data: { code: string; httpStatus: number; path?: string } }
}

export function isTrpcErrorEnvelope(body: unknown): body is TrpcErrorEnvelope {
  const error = (body as { error?: unknown } | null)?.error as TrpcErrorEnvelope['error'] | undefined
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof error.message === 'string' &&
    typeof error.code === 'number' &&
    typeof error.data?.code === 'string' &&
    typeof error.data?.httpStatus === 'number'
  )
}
