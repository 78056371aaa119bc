/** Guards password checks; the server supplies a real limiter, tests and the CLI may use none. */
export interface LoginThrottle {
  /** Throws a TOO_MANY_REQUESTS ServiceError when this email or IP has failed too often. */
  check(email: string, ip: string | undefined): Promise<void>
  recordFailure(email: string, ip: string | undefined): Promise<void>
  recordSuccess(email: string, ip: string | undefined): Promise<void>
}

export const noLoginThrottle: LoginThrottle = {
  async check() {},
  async recordFailure() {},
  async recordSuccess() {},
}
