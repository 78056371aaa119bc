import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible'
import { ServiceError, type RequestThrottle } from '@storra/api'
import {
  DASHBOARD_MESSAGES,
  RESET_REQUEST_WINDOW_SECONDS,
  RESET_REQUESTS_PER_EMAIL,
  RESET_REQUESTS_PER_IP,
} from '@storra/core'
import { loginThrottle, type Database } from '@storra/db'

/**
 * Throttles "Forgot password?" per email and per IP over the service's database (the login
 * throttle's table, under other key prefixes), so every instance counts the same requests.
 * Every request counts, whether the email has an account or not: the limit tells nothing.
 */
export function createResetRequestThrottle(database: Database): RequestThrottle {
  const limiter = (keyPrefix: string, points: number) =>
    new RateLimiterDrizzle({
      storeClient: database.db,
      schema: loginThrottle,
      keyPrefix,
      points,
      duration: RESET_REQUEST_WINDOW_SECONDS,
    })
  const byEmail = limiter('reset_email', RESET_REQUESTS_PER_EMAIL)
  const byIp = limiter('reset_ip', RESET_REQUESTS_PER_IP)
  return {
    async consume({ email, ip }) {
      try {
        if (ip) await byIp.consume(ip)
        await byEmail.consume(email)
      } catch (refused) {
        if (refused instanceof RateLimiterRes)
          throw new ServiceError(
            'TOO_MANY_REQUESTS',
            DASHBOARD_MESSAGES.tooManyResetRequests,
            Math.ceil(refused.msBeforeNext / 1000),
          )
        throw refused
      }
    },
  }
}
