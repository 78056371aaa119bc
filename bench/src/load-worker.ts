import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

/**
 * Runs in its own process (pinned to the other core): one autocannon run, printed as one JSON
 * line. Header sets rotate per request, so the load spreads over many keys and addresses.
 * Latencies are kept here at sub-millisecond precision; autocannon's histogram rounds to 1 ms.
 */
export interface LoadPlan {
  url: string
  path: string
  connections: number
  durationSeconds: number
  headerSets: Record<string, string>[]
}

export interface LoadResult {
  requests: number
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  statusCounts: Record<string, number>
  errors: number
  timeouts: number
  /** Evenly spaced quantiles of the latencies (ms), so runs can be merged. */
  latencyQuantiles: number[]
}

const QUANTILE_POINTS = 2_000

function quantilePoints(sorted: Float64Array): number[] {
  const points = Math.min(sorted.length, QUANTILE_POINTS)
  return Array.from({ length: points }, (_, i) => sorted[Math.floor((i / points) * sorted.length)]!)
}

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan
let next = 0
const latencies = new Float64Array(4_000_000)
let count = 0

const instance = autocannon(
  {
    url: plan.url,
    connections: plan.connections,
    duration: plan.durationSeconds,
    timeout: 5,
    requests: [
      {
        method: 'GET',
        path: plan.path,
        setupRequest: (request) => {
          const headers = plan.headerSets[next++ % plan.headerSets.length]
          return { ...request, headers }
        },
      },
    ],
  },
  (error, result) => {
    if (error) throw error
    const measured = latencies.subarray(0, count).sort()
    const at = (q: number) => (count ? measured[Math.min(count - 1, Math.floor(q * count))]! : NaN)
    const statusCounts: Record<string, number> = {}
    for (const [code, stats] of Object.entries(result.statusCodeStats)) statusCounts[code] = stats.count
    const output: LoadResult = {
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      statusCounts,
      errors: result.errors,
      timeouts: result.timeouts,
      latencyQuantiles: quantilePoints(measured),
    }
    process.stdout.write(JSON.stringify(output) + '\n')
  },
)
instance.on('response', (_client, _status, _bytes, responseTime: number) => {
  if (count < latencies.length) latencies[count++] = responseTime
})
