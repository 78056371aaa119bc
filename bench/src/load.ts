import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pinnedCommand, REPO_ROOT } from './child-process.ts'
import type { LoadPlan, LoadResult } from './load-worker.ts'

const WORKER = join(REPO_ROOT, 'bench/src/load-worker.ts')

/**
 * One autocannon run in a separate process on the other core. The plan (which may hold
 * plaintext keys) goes through a private temporary file that is removed straight after, so
 * keys never appear on a command line or in output.
 */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'storra-bench-load-'))
  const planFile = join(dir, 'plan.json')
  writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 })
  try {
    const [command, args] = pinnedCommand(1, process.execPath, ['--import', 'tsx', WORKER, planFile])
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)))
    // autocannon stops itself after the duration; this only catches a hung worker.
    const killer = setTimeout(() => child.kill('SIGKILL'), (plan.durationSeconds + 30) * 1_000)
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    clearTimeout(killer)
    if (code !== 0) throw new Error(`load worker failed (${code}): ${stderr}`)
    return JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Several runs as one: requests added up, latency quantiles merged by each run's weight. */
export function mergeLoadResults(results: LoadResult[]): LoadResult {
  const statusCounts: Record<string, number> = {}
  for (const result of results) {
    for (const [code, n] of Object.entries(result.statusCounts)) statusCounts[code] = (statusCounts[code] ?? 0) + n
  }
  const weighted = results
    .flatMap((r) => r.latencyQuantiles.map((ms) => [ms, r.requests / r.latencyQuantiles.length] as const))
    .sort((x, y) => x[0] - y[0])
  const total = weighted.reduce((sum, [, w]) => sum + w, 0)
  const quantile = (q: number) => {
    let seen = 0
    for (const [ms, w] of weighted) if ((seen += w) >= q * total) return ms
    return weighted.at(-1)?.[0] ?? NaN
  }
  const requests = results.reduce((sum, r) => sum + r.requests, 0)
  const seconds = results.reduce((sum, r) => sum + (r.requestsPerSecond ? r.requests / r.requestsPerSecond : 0), 0)
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
    statusCounts,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    timeouts: results.reduce((sum, r) => sum + r.timeouts, 0),
    latencyQuantiles: [],
  }
}
