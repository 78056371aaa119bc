import { RateLimiterDrizzle, RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { ServiceError, type LoginThrottle } from '@storra/api'
import { loginThrottle, type Database } from '@storra/db'

export interface LoginThrottleLimits {
  failuresPerEmail: number
  failuresPerIp: number
  windowSeconds: number
}

const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = {
  failuresPerEmail: 10,
  failuresPerIp: 50,
  windowSeconds: 15 * 60,
}

const TOO_MANY = 'Too many failed login attempts. Try again later.'

type MakeLimiter = (name: string, points: number, duration: number) => RateLimiterAbstract

/**
 * Counts failed logins per account and per IP; past the limit, logins are refused with 429
 * until the window passes, even with the right password, so guessing does not pay.
 */
function createLoginThrottle(
  limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
  makeLimiter: MakeLimiter = (name, points, duration) => new RateLimiterMemory({ keyPrefix: name, points, duration }),
): LoginThrottle {
  const byEmail = makeLimiter('login_email', limits.failuresPerEmail, limits.windowSeconds)
  const byIp = makeLimiter('login_ip', limits.failuresPerIp, limits.windowSeconds)
  const keys = (email: string, ip: string | undefined) =>
    [[byEmail, email], ...(ip ? [[byIp, ip] as const] : [])] as const

  return {
    async check(email, ip) {
      for (const [limiter, key] of keys(email, ip)) {
        const state = await limiter.get(key)
        if (state && state.consumedPoints >= limiter.points)
          throw new ServiceError('TOO_MANY_REQUESTS', TOO_MANY, state.msBeforeNext / 1000)
      }
    },
    async recordFailure(email, ip) {
      for (const [limiter, key] of keys(email, ip)) await limiter.penalty(key, 1)
    },
    async recordSuccess(email) {
      await byEmail.delete(email)
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
