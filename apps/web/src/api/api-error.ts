import { isTRPCClientError } from '@trpc/client'
import { APP_MESSAGES, userMessageOf } from '@storra/core/errors'

export const NETWORK_ERROR_MESSAGE = APP_MESSAGES.networkError

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
 * A sentence fit to show the user (the rule is `userMessageOf`, shared with the desktop app):
 * the server's own messages for expected failures pass through, no answer at all is a network
 * failure, and anything else becomes `fallback`.
 */
export function describeApiError(error: unknown, fallback: string): string {
  if (!isTRPCClientError(error)) return fallback
  const code = apiErrorCode(error)
  if (code === undefined) return NETWORK_ERROR_MESSAGE
  return userMessageOf({ code, message: error.message }, fallback)
}
