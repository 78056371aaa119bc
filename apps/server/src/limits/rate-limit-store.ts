import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** One limit: `points` per `duration` seconds per key, optionally refusing for `blockDuration` seconds once spent. */
interface LimitSpec {
  /** Namespace of the limit's keys (e.g. `key_rate`); distinct per limit. */
  name: string
  points: number
  /** Seconds. */
  duration: number
  /** Seconds a key stays refused once over the limit; 0 or absent: until the window ends. */
  blockDuration?: number
  /**
   * With Redis: once a key is spent, refuse it from this instance's memory until its window ends,
   * without asking Redis (floods stay local). Only for limits that never give points back.
   */
  refuseSpentLocally?: boolean
}

/** Counters the /metrics endpoint reads. */
export interface RateLimitStoreStats {
  /** 'memory' (one instance) or 'redis' (shared by every instance on the same Redis). */
  readonly kind: 'memory' | 'redis'
  /** Limiter calls answered by the in-memory insurance limiter because Redis failed. */
  fallbacks: number
  /** Whether the Redis connection is down right now (always false for 'memory'). */
  degraded: boolean
}

/**
 * Where rate limits keep their counts. Every limit of the service (per-key rate, failed keys per
 * IP, login throttle) is made here, so one setting (REDIS_URL) decides whether they are shared.
 */
export interface RateLimitStore {
  limiter(spec: LimitSpec): RateLimiterAbstract
  readonly stats: RateLimitStoreStats
  close(): Promise<void>
}

function memoryLimiter(spec: LimitSpec): RateLimiterMemory {
  return new RateLimiterMemory({
    keyPrefix: spec.name,
    points: spec.points,
    duration: spec.duration,
    blockDuration: spec.blockDuration ?? 0,
  })
}

/** Per-instance limits in this process's memory: today's single-machine behaviour, no Redis. */
function createMemoryRateLimitStore(): RateLimitStore {
  return {
    limiter: memoryLimiter,
    stats: { kind: 'memory', fallbacks: 0, degraded: false },
    close: async () => {},
  }
}

/**
 * How long a limiter call may wait for Redis before the insurance limiter answers instead (ms).
 * A request must not hang on a slow or vanished Redis: an outage degrades to per-instance limits.
 */
const REDIS_COMMAND_TIMEOUT_MS = 250

/**
 * Limits shared by every instance through Redis at `url` (rate-limiter-flexible's Redis limiters).
 * Each has an in-memory insurance limiter with the same numbers: while Redis is unreachable, calls
 * fall back to it (per-instance limits, as without Redis) instead of failing the request; each
 * fallback is counted in `stats.fallbacks`, and the outage and the recovery are logged once each.
 * Never rejects on a Redis that is down at startup: the client keeps reconnecting in the background.
 */
function createRedisRateLimitStore(url: string, logger: Logger): RateLimitStore {
  const stats: RateLimitStoreStats = { kind: 'redis', fallbacks: 0, degraded: false }
  const redis = new Redis(url, {
    // Fail fast when disconnected (the insurance limiter answers) rather than queueing commands.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    // Reconnect forever, at most every 2 s: the outage ends when Redis is back.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: false,
  })
  let lastError = ''
  // Logged once per outage (and once for a Redis that is down at startup), not per reconnect attempt.
  let outageLogged = false
  let closing = false
  const degrade = (reason: string) => {
    stats.degraded = true
    if (outageLogged || closing) return
    outageLogged = true
    logger.warn({ redis: redactedUrl(url), reason }, 'Redis unavailable: rate limits fall back to per-instance memory')
  }
  redis.on('error', (error: Error) => {
    lastError = error.message
    degrade(error.message)
  })
  redis.on('close', () => degrade(lastError || 'connection closed'))
  redis.on('ready', () => {
    stats.degraded = false
    lastError = ''
    if (outageLogged) logger.info({ redis: redactedUrl(url) }, 'Redis reachable again: rate limits shared again')
    outageLogged = false
  })
  // Until the first connection is ready the limits are per instance: say so in /metrics.
  stats.degraded = redis.status !== 'ready'

  return {
    stats,
    limiter(spec) {
      const insurance = memoryLimiter(spec)
      // The fallback's own calls are the measure of degraded service: count each one.
      for (const method of ['consume', 'penalty', 'reward', 'get', 'delete', 'block', 'set'] as const) {
        const original = insurance[method].bind(insurance) as (...args: unknown[]) => Promise<unknown>
        ;(insurance as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
          stats.fallbacks++
          return original(...args)
        }
      }
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: spec.name,
        points: spec.points,
        duration: spec.duration,
        blockDuration: spec.blockDuration ?? 0,
        // A key over its limit is refused from memory until its window ends: no Redis call for floods.
        inMemoryBlockOnConsumed: spec.refuseSpentLocally ? spec.points : 0,
        rejectIfRedisNotReady: true,
        insuranceLimiter: insurance,
      })
    },
    async close() {
      closing = true
      if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect())
      else redis.disconnect()
    },
  }
}

/** The URL without its password, for log lines. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'redis'
  }
}

/** The store `redisUrl` asks for: Redis when set, this process's memory otherwise. */
export function createRateLimitStore(redisUrl: string | undefined, logger: Logger): RateLimitStore {
  return redisUrl ? createRedisRateLimitStore(redisUrl, logger) : createMemoryRateLimitStore()
}
