import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible'

/**
 * The per-IP throttle of public revocation requests: `pointsPerHour` requests per IP per
 * rolling hour; undefined (no limit) when 0. Kept to this one function so that it can move to
 * a shared (Redis-backed) limiter factory without touching the route.
 */
export function createLeakReportLimiter(pointsPerHour: number): RateLimiterAbstract | undefined {
  if (pointsPerHour <= 0) return undefined
  return new RateLimiterMemory({ keyPrefix: 'leak-report', points: pointsPerHour, duration: 60 * 60 })
}
