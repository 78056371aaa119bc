import { RateLimiterDrizzle, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { ServiceError, type LoginThrottle } from '@storra/api'
import { loginThrottle, type Database } from '@storra/db'
import { DASHBOARD_MESSAGES } from '@storra/core'
import type { RateLimitStore } from '../limits/rate-limit-store.ts'

export interface LoginThrottleLimits {
  failuresPerEmail: number
  failuresPerIp: number
  windowSeconds: number
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  failuresPerEmail: 10,
  failuresPerIp: 50,
  windowSeconds: 15 * 60,
}

type MakeLimiter = (name: string, points: number, duration: number) => RateLimiterAbstract
type LimiterSource = MakeLimiter | Pick<RateLimitStore, 'limiter'>

/**
 * Counts login attempts per account and per IP, in `limiters`: a rate-limit store (memory, or
 * Redis shared by every instance, with REDIS_URL) or a limiter factory of its own. Each attempt consumes a point before its
 * password is checked (however many arrive at once); a success gives the IP's point back and
 * clears the account's count, so only failures accumulate. Past the limit, logins are refused
 * with 429 until the window passes, even with the right password, so guessing does not pay.
 */
export function createLoginThrottle(limits: LoginThrottleLimits, limiters: LimiterSource): LoginThrottle {
  const makeLimiter: MakeLimiter =
    typeof limiters === 'function' ? limiters : (name, points, duration) => limiters.limiter({ name, points, duration })
  const byEmail = makeLimiter('login_email', limits.failuresPerEmail, limits.windowSeconds)
  const byIp = makeLimiter('login_ip', limits.failuresPerIp, limits.windowSeconds)
  const keys = (email: string, ip: string | undefined) =>
    [[byEmail, email], ...(ip ? [[byIp, ip] as const] : [])] as const

  return {
    async attempt(email, ip) {
      for (const [limiter, key] of keys(email, ip)) {
        try {
          await limiter.consume(key)
        } catch (refused) {
          if (refused instanceof RateLimiterRes)
            throw new ServiceError('TOO_MANY_REQUESTS', DASHBOARD_MESSAGES.tooManyLogins, refused.msBeforeNext / 1000)
          throw refused
        }
      }
    },
    async recordSuccess(email, ip) {
      await byEmail.delete(email)
      if (ip) await byIp.reward(ip, 1)
    },
  }
}

/**
 * The login throttle over the service's own database (table `login_throttle`, created by the
 * migrations), so every instance behind a load balancer sees the same failures and a restart
 * does not wipe them.
 */
export function createDatabaseLoginThrottle(
  database: Database,
  limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
): LoginThrottle {
  return createLoginThrottle(
    limits,
    (name, points, duration) =>
      new RateLimiterDrizzle({ storeClient: database.db, schema: loginThrottle, keyPrefix: name, points, duration }),
  )
}
