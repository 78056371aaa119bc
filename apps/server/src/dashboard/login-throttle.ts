import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { ServiceError, type LoginThrottle } from '@storra/api'

export interface LoginThrottleLimits {
  failuresPerEmail: number
  failuresPerIp: number
  windowSeconds: number
}

export const DEFAULT_LOGIN_LIMITS: LoginThrottleLimits = { failuresPerEmail: 10, failuresPerIp: 50, windowSeconds: 15 * 60 }

const TOO_MANY = 'Too many failed login attempts. Try again later.'

/**
 * Counts failed logins per account and per IP; past the limit, logins are refused with 429
 * until the window passes, even with the right password, so guessing does not pay.
 */
export function createLoginThrottle(
  limits: LoginThrottleLimits = DEFAULT_LOGIN_LIMITS,
  makeLimiter: (name: string, points: number, duration: number) => RateLimiterAbstract = (_name, points, duration) =>
    new RateLimiterMemory({ points, duration }),
): LoginThrottle {
  const byEmail = makeLimiter('login_email', limits.failuresPerEmail, limits.windowSeconds)
  const byIp = makeLimiter('login_ip', limits.failuresPerIp, limits.windowSeconds)
  const keys = (email: string, ip: string | undefined) => [
    [byEmail, email],
    ...(ip ? [[byIp, ip] as const] : []),
  ] as const

  return {
    async check(email, ip) {
      for (const [limiter, key] of keys(email, ip)) {
        const state = await limiter.get(key)
        if (state && state.consumedPoints >= limiter.points) throw new ServiceError('TOO_MANY_REQUESTS', TOO_MANY, state.msBeforeNext / 1000)
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
