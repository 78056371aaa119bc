import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'

export type ServiceErrorCode =
  'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE'

/**
 * An expected failure whose message is safe to show to the caller. It is a TRPCError, so a
 * procedure that throws it answers with its code as is, and a REST route calling the procedure
 * gets the same object back: no translation either way. `toProblem` turns it into a response.
 */
export class ServiceError extends TRPCError {
  constructor(
    code: ServiceErrorCode,
    message: string,
    /** Seconds until a retry may succeed (429, 503). */
    readonly retryAfterSeconds?: number,
  ) {
    super({ code, message })
    this.name = 'ServiceError'
  }

  /** The HTTP status of `code` (BAD_REQUEST → 400 … SERVICE_UNAVAILABLE → 503). */
  get status(): number {
    return getHTTPStatusCodeFromError(this)
  }
}
