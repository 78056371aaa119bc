import { TRPCClientError, type TRPCLink } from '@trpc/client'
import { observable } from '@trpc/server/observable'
import type { AppRouter } from '@storra/api'
import type { DesktopResult } from '../../shared/desktop-api.ts'
import { DesktopCallError, unwrap } from './desktop-call.ts'

/** `window.api.call` without its per-path types: the link forwards whatever tRPC asks for, and main decides. */
type UntypedCall = (path: string, input?: unknown) => Promise<DesktopResult<unknown>>

/**
 * A tRPC link that sends every procedure over the preload's `trpc:call` instead of HTTP: the
 * renderer has no session cookie and no network (CSP `connect-src 'none'`), main has both.
 * `onResult` sees every answer first, so an ended session or a lost server is handled in one place.
 */
export function ipcLink(onResult: (result: DesktopResult<unknown>) => void): TRPCLink<AppRouter> {
  const call = window.api.call as UntypedCall
  return () =>
    ({ op }) =>
      observable((observer) => {
        let isCancelled = false
        call(op.path, op.input)
          .then((result) => {
            onResult(result)
            if (isCancelled) return
            observer.next({ result: { type: 'data', data: unwrap(result) } })
            observer.complete()
          })
          .catch((error: unknown) => {
            if (isCancelled) return
            const failure =
              error instanceof DesktopCallError
                ? error
                : new DesktopCallError('app-error', 'Something went wrong inside the app. Try again.')
            // tRPC re-creates any other error as a TRPCClientError; the cause keeps the code.
            observer.error(TRPCClientError.from(failure))
          })
        // IPC cannot be aborted; a cancelled call's answer is simply dropped.
        return () => {
          isCancelled = true
        }
      })
}
