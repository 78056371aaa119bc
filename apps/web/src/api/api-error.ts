import { isTRPCClientError } from '@trpc/client'

export const NETWORK_ERROR_MESSAGE = 'Couldn’t reach Storra Cloud. Check your connection and try again.'

/** The tRPC error code the server answered with, or undefined when there was no answer to read. */
export function apiErrorCode(error: unknown): string | undefined {
  return isTRPCClientError(error) ? (error.data as { code?: string } | undefined)?.code : undefined
}

export function isUnauthorized(error: unknown): boolean {
  return apiErrorCode(error) === 'UNAUTHORIZED'
}

/** Network failures and server errors may pass with a retry; a 4xx answer will not change. */
export function isWorthRetrying(error: unknown): boolean {
  if (!isTRPCClientError(error)) return false
  const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus
  return status === undefined || status >= 500
}

/**
 * A sentence fit to show the user. The server's own messages for expected failures (wrong
 * password, plan limits, throttling) are written for people and pass through; anything else
 * becomes `fallback`, so no stack trace or validation dump ever reaches the page.
 */
export function describeApiError(error: unknown, fallback: string): string {
  if (!isTRPCClientError(error)) return fallback
  const code = apiErrorCode(error)
  if (code === undefined) return NETWORK_ERROR_MESSAGE
  if (code === 'INTERNAL_SERVER_ERROR') return fallback
  // Input validation failures carry the schema library's JSON issue list as their message.
  if (code === 'BAD_REQUEST' && /^\s*[[{]/.test(error.message)) return fallback
  return error.message || fallback
}
