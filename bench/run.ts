/**
 * `npm run bench` (from the repository root): throughput, latency and server CPU per request of
 * the client API against a bare Express 5 route and a raw `node:http` server answering the same
 * constant JSON, on real PostgreSQL and on PGlite, with 1,000
 * and 1,000,000 keys, then revocation propagation between two instances. Writes RESULTS.md.
 *
 * Options: --quick (2 s runs, 1,000 and 20,000 keys: a smoke test, not for RESULTS.md),
 * --seconds=N, --scales=1000,1000000, --databases=postgres,pglite, --out=FILE; --render=RESULTS.json
 * rewrites the Markdown from a previous run's raw numbers.
 * BENCH_DATABASE_URL overrides the PostgreSQL admin URL (a fresh database is made and dropped).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareDatabase, type BenchDatabase, type DatabaseKind } from './src/bench-database.ts'
import { BENCH_DATABASE_URL } from './src/env.ts'
import { REPO_ROOT, startServerProcess, stopAllServers, type ServerProcess } from './src/child-process.ts'
import { apiKeyHeaders, malformedKeys, spreadOverAddresses, unknownKeys } from './src/header-sets.ts'
import { mergeLoadResults, runLoad } from './src/load.ts'
import { machineDescription, loadAverage } from './src/machine.ts'
import { difference, scrapeCounters } from './src/metrics.ts'
import { BARE_LABEL, RAW_LABEL, renderResults, type RunRecord, type BenchReport } from './src/report.ts'
import { measureRevocationPropagation } from './src/revocation.ts'
import { DashboardRestClient } from '@storra/server/testing'

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value] = arg.replace(/^--/, '').split('=')
    return [name!, value ?? 'true'] as const
  }),
)
const quick = args.has('quick')
const seconds = Number(args.get('seconds') ?? (quick ? 2 : 8))
const scales = (args.get('scales') ?? (quick ? '1000,20000' : '1000,1000000')).split(',').map(Number)
const kinds = (args.get('databases') ?? 'postgres,pglite').split(',') as DatabaseKind[]
const outFile = args.get('out') ?? join(REPO_ROOT, 'bench', quick ? 'RESULTS.quick.md' : 'RESULTS.md')
const adminUrl = BENCH_DATABASE_URL
const CONNECTIONS = 10
const REVOCATIONS = quick ? 10 : 50
/** Bare and ours alternate in this many slices per run. */
const PAIRED_ROUNDS = 4
const SERVER_ENTRY = 'apps/server/src/index.ts'
const BARE_ENTRY = 'bench/src/bare-express-server.ts'
const RAW_ENTRY = 'bench/src/raw-node-server.ts'

/** The two baselines, each its own pinned process: bare Express and raw `node:http`. */
interface Baselines {
  bare: ServerProcess
  raw: ServerProcess
}
const CLIENT_PATH = '/api/v1/client/users/me'

/** The production configuration: logging (serialised, to /dev/null) and metrics on. */
function serverEnv(database: BenchDatabase, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    SESSION_SECRET: 'bench-session-secret-that-is-long-enough-000',
    STORRA_SECURE_COOKIES: 'false',
    // The bench is the load balancer: it spreads bad-key traffic over X-Forwarded-For addresses.
    STORRA_TRUST_PROXY: 'loopback',
    // The dashboard user has 100 keys and the propagation test creates more.
    STORRA_MAX_ACTIVE_KEYS: '1000',
    STORRA_KEY_RATE_LIMIT: '0',
    ...database.serverEnv,
    ...overrides,
  }
}

/** The hand-written analysis (profiles, reasons for misses) travels with every rendering. */
function withAnalysis(markdown: string): string {
  const analysis = join(REPO_ROOT, 'bench', 'ANALYSIS.md')
  return existsSync(analysis) ? `${markdown.trimEnd()}\n\n${readFileSync(analysis, 'utf8')}` : markdown
}

const log = (message: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)

interface Target {
  label: string
  server: ServerProcess
  path: string
  headerSets: Record<string, string>[]
  counters?: boolean
}

/**
 * Runs the targets in turn, in `rounds` slices of `seconds / rounds` each, so that a pair such
 * as bare Express vs ours sees the same background load (other work on this machine varies
 * from second to second). Server CPU time and counters are summed over each target's slices.
 */
async function measure(targets: Target[], rounds = 1): Promise<RunRecord[]> {
  const slices = targets.map(() => [] as Awaited<ReturnType<typeof runLoad>>[])
  const cpu = targets.map(() => 0)
  const loadavg = loadAverage()
  const before = await Promise.all(
    targets.map((t) => (t.counters ? scrapeCounters(t.server.url) : Promise.resolve(undefined))),
  )
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) {
      const cpuBefore = target.server.cpuSeconds()
      const { url } = target.server
      slices[i]!.push(
        await runLoad({
          url,
          path: target.path,
          connections: CONNECTIONS,
          durationSeconds: seconds / rounds,
          headerSets: target.headerSets,
        }),
      )
      cpu[i]! += target.server.cpuSeconds() - cpuBefore
    }
  }
  const records: RunRecord[] = []
  for (const [i, target] of targets.entries()) {
    const result = mergeLoadResults(slices[i]!)
    const counters = before[i] ? difference(await scrapeCounters(target.server.url), before[i]) : undefined
    const record: RunRecord = {
      label: target.label,
      ...result,
      cpuMicrosPerRequest: (cpu[i]! * 1e6) / result.requests,
      loadavg,
      counters,
    }
    log(
      `${target.label}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, ` +
        `${record.cpuMicrosPerRequest.toFixed(0)} µs CPU/req, ${JSON.stringify(result.statusCounts)}`,
    )
    records.push(record)
  }
  return records
}

async function useEachKeyOnce(url: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    const res = await fetch(`${url}${CLIENT_PATH}`, { headers: { 'x-api-key': key } })
    await res.arrayBuffer()
  }
}

/** Warms up the JIT and connection pools: 2 s of valid-key load on `url`, then 1 s on each baseline. */
async function warmUp(url: string, baselines: Baselines, headerSets: Record<string, string>[]): Promise<void> {
  await runLoad({ url, path: CLIENT_PATH, connections: CONNECTIONS, durationSeconds: 2, headerSets })
  for (const baseline of [baselines.bare, baselines.raw]) {
    await runLoad({ url: baseline.url, path: CLIENT_PATH, connections: CONNECTIONS, durationSeconds: 1, headerSets })
  }
}

/** The baselines as load targets, answering the same path with the same request headers as ours. */
function baselineTargets(baselines: Baselines, headerSets: Record<string, string>[]): Target[] {
  return [
    { label: BARE_LABEL, server: baselines.bare, path: CLIENT_PATH, headerSets },
    { label: RAW_LABEL, server: baselines.raw, path: CLIENT_PATH, headerSets },
  ]
}

async function dashboardCookie(url: string, login: { email: string; password: string }): Promise<string> {
  const dashboard = new DashboardRestClient(url)
  const res = await dashboard.login(login.email, login.password)
  if (res.status !== 200) throw new Error(`bench login failed: ${res.status}`)
  return dashboard.cookie
}

async function benchDatabase(database: BenchDatabase, baselines: Baselines, report: BenchReport): Promise<void> {
  const name = `${database.kind}, ${database.seeded.totalKeys.toLocaleString('en-US')} keys`
  const runs: RunRecord[] = []
  const validHeaders = apiKeyHeaders(database.seeded.validKeys)
  const server = await startServerProcess(SERVER_ENTRY, serverEnv(database))
  try {
    log(`${name}: server up (pid ${server.pid}); warming up`)
    // Each key's first use is written at once, by design: do that before measuring, then warm
    // up the JIT and the connection pool under load.
    await useEachKeyOnce(server.url, [...database.seeded.validKeys, ...database.seeded.freeKeys])
    await warmUp(server.url, baselines, validHeaders)

    const client = (label: string, headerSets: Record<string, string>[]): Target => ({
      label,
      server,
      path: CLIENT_PATH,
      headerSets,
      counters: true,
    })
    runs.push(
      ...(await measure(
        [...baselineTargets(baselines, validHeaders), client('valid Pro keys (200)', validHeaders)],
        PAIRED_ROUNDS,
      )),
    )
    runs.push(...(await measure([client('unknown well-formed keys (401)', spreadOverAddresses(unknownKeys(20_000)))])))
    runs.push(
      ...(await measure([client('malformed / bad-checksum keys (401)', spreadOverAddresses(malformedKeys(20_000)))])),
    )
    runs.push(...(await measure([client('free-plan keys (403)', apiKeyHeaders(database.seeded.freeKeys))])))
    const cookie = await dashboardCookie(server.url, database.seeded.dashboardUser)
    const list = {
      label: 'dashboard list, 100 keys (200)',
      server,
      path: '/api/v1/dashboard/users/me/api-keys',
      headerSets: [{ cookie }],
      counters: true,
    }
    runs.push(...(await measure([list])))

    if (database.kind === 'postgres' && !report.propagation) {
      log(`${name}: revocation propagation between two instances`)
      const second = await startServerProcess(SERVER_ENTRY, serverEnv(database), { core: 1 })
      try {
        report.propagation = await measureRevocationPropagation(
          server.url,
          second.url,
          database.seeded.dashboardUser,
          REVOCATIONS,
        )
      } finally {
        await second.stop()
      }
    }
  } finally {
    await server.stop()
  }

  if (database.kind === 'postgres' && !report.rateLimited) {
    // A separate server: the per-key limit is fixed at startup.
    const limited = await startServerProcess(SERVER_ENTRY, serverEnv(database, { STORRA_KEY_RATE_LIMIT: '100' }))
    try {
      await useEachKeyOnce(limited.url, database.seeded.validKeys)
      await warmUp(limited.url, baselines, validHeaders)
      const pair = await measure(
        [
          ...baselineTargets(baselines, validHeaders),
          {
            label: 'valid Pro keys (200), per-key rate limit 100/s on',
            server: limited,
            path: CLIENT_PATH,
            headerSets: validHeaders,
            counters: true,
          },
        ],
        PAIRED_ROUNDS,
      )
      report.rateLimited = { database: name, runs: pair }
    } finally {
      await limited.stop()
    }
  }
  report.sections.push({
    name,
    kind: database.kind,
    scale: database.scale,
    seedSeconds: database.seeded.seedSeconds,
    runs,
  })
}

async function main(): Promise<void> {
  const started = Date.now()
  const report: BenchReport = {
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ' -- ' + process.argv.slice(2).join(' ') : ''}`,
    machine: machineDescription(),
    seconds,
    connections: CONNECTIONS,
    sections: [],
    preparation: [],
  }
  log(
    `machine: ${report.machine.cpu}, ${report.machine.cores} cores; runs of ${seconds} s at ${CONNECTIONS} connections`,
  )

  // Seed everything first; PostgreSQL and PGlite load in parallel (different processes), before any measurement.
  const databases: BenchDatabase[] = []
  const cleanUp = async () => {
    await stopAllServers()
    for (const database of databases.splice(0))
      await database.remove().catch((error: unknown) => log(`cleanup failed: ${String(error)}`))
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping servers and removing the bench databases`)
      void cleanUp().finally(() => process.exit(130))
    })
  }
  try {
    for (const scale of scales) {
      await Promise.all(
        kinds.map(async (kind) => {
          const t = performance.now()
          const database = await prepareDatabase(kind, scale, adminUrl)
          databases.push(database)
          report.preparation.push({ kind, scale, seconds: (performance.now() - t) / 1000 })
          log(
            `seeded ${kind} with ${database.seeded.totalKeys} keys in ${((performance.now() - t) / 1000).toFixed(1)} s`,
          )
          return database
        }),
      )
    }
    databases.sort((x, y) => (x.kind === y.kind ? x.scale - y.scale : x.kind === 'postgres' ? -1 : 1))

    const bare = await startServerProcess(BARE_ENTRY, { NODE_ENV: 'production' })
    const raw = await startServerProcess(RAW_ENTRY, { NODE_ENV: 'production' })
    try {
      for (const database of databases) await benchDatabase(database, { bare, raw }, report)
    } finally {
      await Promise.all([bare.stop(), raw.stop()])
    }
  } finally {
    await cleanUp()
  }
  report.totalSeconds = (Date.now() - started) / 1000
  // The raw numbers too, so the text can be re-rendered (`--render=FILE`) without a rerun.
  writeFileSync(outFile.replace(/\.md$/, '.json'), JSON.stringify(report, null, 1))
  writeFileSync(outFile, withAnalysis(renderResults(report)))
  log(`done in ${report.totalSeconds.toFixed(0)} s; wrote ${outFile}`)
}

const renderFrom = args.get('render')
if (renderFrom)
  writeFileSync(outFile, withAnalysis(renderResults(JSON.parse(readFileSync(renderFrom, 'utf8')) as BenchReport)))
else await main()
