export type ServiceErrorCode =
  'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'SERVICE_UNAVAILABLE'

const HTTP_STATUS_OF: Record<ServiceErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
}

/** An expected failure whose message is safe to show to the caller. */
export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Seconds until a retry may succeed (429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'ServiceError'
  }

  get status(): number {
    return HTTP_STATUS_OF[this.code]
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable. Please retry shortly.'
