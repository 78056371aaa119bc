import { TRPCClientError } from '@trpc/client'
import type { DesktopErrorCode, DesktopResult } from '../../shared/desktop-api.ts'

/** A failed `window.api` call, as an Error whose message @storra/ui can show as it is. */
export class DesktopCallError extends Error {
  constructor(
    readonly code: DesktopErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DesktopCallError'
  }
}

/**
 * The main process's reason for a failure: on the error itself, or on its cause when tRPC
 * wrapped it in a TRPCClientError on the way through the IPC link.
 */
export function desktopErrorCode(error: unknown): DesktopErrorCode | undefined {
  const failure = error instanceof TRPCClientError ? error.cause : error
  return failure instanceof DesktopCallError ? failure.code : undefined
}

/** The value of a `window.api` result, or its failure thrown as a {@link DesktopCallError}. */
export function unwrap<T>(result: DesktopResult<T>): T {
  if (result.ok) return result.value
  throw new DesktopCallError(result.error.code, result.error.message)
}

/** The failure means there is no usable session any more: the app goes back to sign-in. */
export function isSessionEnd(code: DesktopErrorCode): boolean {
  return code === 'session-expired' || code === 'not-signed-in'
}
