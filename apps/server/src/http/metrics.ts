import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { Services } from '@storra/api'
import type { RateLimitStoreStats } from '../limits/rate-limit-store.ts'
import { routingPathOf } from './problem.ts'
import type { RequestWatcher } from './request-logging.ts'

type RouteFamilyLabel = 'client' | 'dashboard' | 'trpc' | 'web' | 'health' | 'other'

function familyOf(target: string): RouteFamilyLabel {
  const path = routingPathOf(target)
  if (path.startsWith('/api/v1/client')) return 'client'
  if (path.startsWith('/api/v1/dashboard/trpc')) return 'trpc'
  if (path.startsWith('/api/v1/dashboard')) return 'dashboard'
  if (path.startsWith('/dashboard')) return 'web'
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return 'health'
  return 'other'
}

export interface Metrics {
  registry: Registry
  /** Times one request from now until its answer is written (any listener: Express or the client fast path). */
  watch: RequestWatcher
}

/**
 * Prometheus metrics: request counts and latency per route family, key cache, `last_used`
 * flushes, and the rate limits' store (Redis fallbacks to memory, and whether Redis is down).
 */
export function createMetrics(services: Services, limits: RateLimitStoreStats): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'storra_http_request_duration_seconds',
    help: 'HTTP request latency by route family',
    labelNames: ['family', 'method', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  })
  const { verifier, lastUsed } = services
  const cacheCounter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset()
        this.inc(read())
      },
    })
  cacheCounter(
    'storra_key_cache_hits_total',
    'Key verifications answered by the in-process cache',
    () => verifier.stats.hits,
  )
  cacheCounter(
    'storra_key_cache_misses_total',
    'Key verifications that queried the database',
    () => verifier.stats.misses,
  )
  cacheCounter(
    'storra_key_cache_negative_hits_total',
    'Unknown keys answered by the negative cache',
    () => verifier.stats.negativeHits,
  )
  cacheCounter(
    'storra_key_malformed_total',
    'Keys rejected by format or checksum without a lookup',
    () => verifier.stats.malformed,
  )
  cacheCounter('storra_last_used_flushes_total', 'Statements that wrote last_used', () => lastUsed.stats.flushes)
  cacheCounter('storra_last_used_rows_total', 'Keys whose last_used was written', () => lastUsed.stats.rowsWritten)
  cacheCounter(
    'storra_last_used_flush_failures_total',
    'Failed last_used flushes (retried)',
    () => lastUsed.stats.failures,
  )

  cacheCounter(
    'storra_rate_limit_fallbacks_total',
    'Rate limiter calls answered by the per-instance insurance limiter because Redis failed',
    () => limits.fallbacks,
  )
  new Gauge({
    name: 'storra_rate_limit_degraded',
    help: '1 while Redis (REDIS_URL) is unreachable and rate limits are per instance; 0 otherwise or without Redis',
    registers: [registry],
    collect() {
      this.set(limits.degraded ? 1 : 0)
    },
  })

  // prom-client validates and hashes a label set on every observe; the sets are few (methods
  // are those Node's parser accepts, statuses are ours), so each one's child is kept.
  const observers = new Map<string, { observe(seconds: number): void }>()
  const observerFor = (family: RouteFamilyLabel, method: string, status: number) => {
    const key = `${family} ${method} ${status}`
    let observer = observers.get(key)
    if (!observer) observers.set(key, (observer = duration.labels(family, method, String(status))))
    return observer
  }

  const watch: RequestWatcher = (req, res) => {
    const start = performance.now()
    // Express rewrites req.url inside routers: what the client asked for is read now.
    const url = req.url ?? ''
    res.once('finish', () => {
      observerFor(familyOf(url), req.method!, res.statusCode).observe((performance.now() - start) / 1000)
    })
  }
  return { registry, watch }
}
