import { isTRPCClientError } from '@trpc/client'
import type { AppRouter } from '@storra/api'
import { APP_MESSAGES, userMessageOf } from '@storra/core/errors'
import type { DesktopError, DesktopErrorCode } from '../shared/desktop-api.ts'
import { ServerRedirectError } from './storra-client.ts'

const CODE_OF_TRPC_ERROR: Record<string, DesktopErrorCode> = {
  BAD_REQUEST: 'invalid-input',
  UNAUTHORIZED: 'session-expired',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  TOO_MANY_REQUESTS: 'rate-limited',
  SERVICE_UNAVAILABLE: 'server-unavailable',
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

/**
 * Turns a failed tRPC call into what the renderer shows. Server messages are meant for
 * people (the server hides internal failures), so they are passed on; transport failures
 * become an `unreachable` that names the server.
 */
export function toDesktopError(
  error: unknown,
  serverUrl: string,
  during: 'login' | 'session' = 'session',
): DesktopError {
  if (!isTRPCClientError<AppRouter>(error)) {
    return { code: 'app-error', message: 'Something went wrong inside the app. Try again.' }
  }
  const trpcCode = error.data?.code
  if (typeof trpcCode === 'string') {
    const code = CODE_OF_TRPC_ERROR[trpcCode] ?? 'server-error'
    if (code === 'session-expired') {
      // Signing in, UNAUTHORIZED means wrong credentials (the server's message says so), not an ended session.
      return during === 'login'
        ? { code: 'invalid-credentials', message: error.message }
        : { code, message: APP_MESSAGES.sessionExpired }
    }
    if (code === 'server-error')
      return { code, message: `${serverUrl} could not complete the request. Try again later.` }
    return { code, message: userMessageOf({ code: trpcCode, message: error.message }, APP_MESSAGES.invalidRequest) }
  }
  // No tRPC error body: the request never got a Storra answer.
  const cause = error.cause
  if (cause instanceof ServerRedirectError) {
    return {
      code: 'unreachable',
      message: `${serverUrl} redirects elsewhere${cause.location ? ` (${cause.location})` : ''}. Enter the server's final address.`,
    }
  }
  if (isTimeout(cause)) return { code: 'unreachable', message: `${serverUrl} did not answer in time. Try again.` }
  if (cause instanceof TypeError) {
    return {
      code: 'unreachable',
      message: `Can't reach ${serverUrl}. Check the address and that the server is running.`,
    }
  }
  return { code: 'unreachable', message: `${serverUrl} did not answer like a Storra server. Check the address.` }
}
