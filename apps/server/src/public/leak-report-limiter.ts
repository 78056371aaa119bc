import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { RateLimitStore } from '../limits/rate-limit-store.ts'

/**
 * The per-IP throttle of public revocation requests: `pointsPerHour` requests per IP per
 * rolling hour, kept in the service's rate-limit store (Redis, shared by every instance, when
 * REDIS_URL is set); undefined (no limit) when 0.
 */
export function createLeakReportLimiter(store: RateLimitStore, pointsPerHour: number): RateLimiterAbstract | undefined {
  if (pointsPerHour <= 0) return undefined
  return store.limiter({ name: 'leak_report_ip', points: pointsPerHour, duration: 60 * 60 })
}
