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

/** Runs a `window.api` call, returning its value or throwing its failure. */
export type RunDesktopCall = <T>(call: () => Promise<DesktopResult<T>>) => Promise<T>

export function isSessionEnd(code: DesktopErrorCode): boolean {
  return code === 'session-expired' || code === 'not-signed-in'
}
