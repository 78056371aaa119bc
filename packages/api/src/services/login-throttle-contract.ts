/**
 * Guards password checks; the server supplies a real limiter, tests and the CLI may use none.
 * Every attempt is counted before its password work starts, so attempts sent together (a
 * tRPC batch, parallel requests) are limited exactly as attempts sent one by one.
 */
export interface LoginThrottle {
  /**
   * Counts one attempt for this email (normalised) and IP. Throws a TOO_MANY_REQUESTS
   * ServiceError, with the seconds until a retry may succeed, when either is over its limit.
   */
  attempt(email: string, ip: string | undefined): Promise<void>
  /** The attempt succeeded: the email's failures are forgotten and the IP's attempt is given back. */
  recordSuccess(email: string, ip: string | undefined): Promise<void>
}

export const noLoginThrottle: LoginThrottle = {
  async attempt() {},
  async recordSuccess() {},
}
