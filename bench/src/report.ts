import type { LoadResult } from './load-worker.ts'
import type { MachineDescription } from './machine.ts'
import type { Counters } from './metrics.ts'
import type { PropagationResult } from './revocation.ts'
import { pinning } from './child-process.ts'
import { VALID_KEY_COUNT } from './seed.ts'

export interface RunRecord extends LoadResult {
  label: string
  cpuMicrosPerRequest: number
  loadavg: number
  counters?: Counters
}

interface BenchSection {
  name: string
  kind: string
  scale: number
  seedSeconds: number
  runs: RunRecord[]
}

export interface BenchReport {
  date: string
  command: string
  machine: MachineDescription
  seconds: number
  connections: number
  preparation: { kind: string; scale: number; seconds: number }[]
  sections: BenchSection[]
  rateLimited?: { database: string; runs: RunRecord[] }
  propagation?: PropagationResult
  totalSeconds?: number
}

const int = (n: number) => Math.round(n).toLocaleString('en-US')
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–')

function statuses(run: RunRecord): string {
  const codes = Object.entries(run.statusCounts).map(([code, n]) => `${code}: ${int(n)}`)
  if (run.errors) codes.push(`errors: ${int(run.errors)}`)
  return codes.join(', ')
}

function runTable(runs: RunRecord[]): string[] {
  const lines = [
    '| scenario | req/s | p50 ms | p99 ms | server CPU µs/req | responses | load avg before |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
  ]
  for (const run of runs) {
    lines.push(
      `| ${run.label} | ${int(run.requestsPerSecond)} | ${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ${run.cpuMicrosPerRequest.toFixed(0)} | ${statuses(run)} | ${run.loadavg.toFixed(2)} |`,
    )
  }
  return lines
}

function counterTable(runs: RunRecord[]): string[] {
  const lines = [
    '| scenario | cache hits | cache misses (DB lookups) | negative-cache hits | malformed (no lookup) | last_used rows written | last_used statements |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const run of runs) {
    const c = run.counters
    if (!c) continue
    lines.push(
      `| ${run.label} | ${int(c.storra_key_cache_hits_total)} | ${int(c.storra_key_cache_misses_total)} | ${int(c.storra_key_cache_negative_hits_total)} | ${int(c.storra_key_malformed_total)} | ${int(c.storra_last_used_rows_total)} | ${int(c.storra_last_used_flushes_total)} |`,
    )
  }
  return lines
}

/** The baselines' labels; the rendering finds each run by its label's start. */
export const BARE_LABEL = 'bare Express 5 route'
export const RAW_LABEL = 'raw node:http server, same constant JSON'

const find = (section: BenchSection, prefix: string) => section.runs.find((r) => r.label.startsWith(prefix))
const ratio = (n: number) => `${n.toFixed(2)}×`
/** Throughput ratio ours/baseline, and the CPU-bound one (baseline CPU per request / ours). */
function versus(ours: RunRecord, baseline: RunRecord | undefined): { rps: number; cpu: number } {
  if (!baseline) return { rps: NaN, cpu: NaN }
  return {
    rps: ours.requestsPerSecond / baseline.requestsPerSecond,
    cpu: baseline.cpuMicrosPerRequest / ours.cpuMicrosPerRequest,
  }
}

export function renderResults(report: BenchReport): string {
  const { machine } = report
  const out: string[] = [
    '# Benchmark results',
    '',
    `Reproduce from the repository root: \`${report.command}\` (PostgreSQL must be reachable at`,
    '`postgres://postgres@127.0.0.1:5432/test`, or set `BENCH_DATABASE_URL`; the bench creates and drops its own databases).',
    '',
    `- Date: ${report.date}`,
    `- Machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB memory; ${machine.kernel}; Node ${machine.node}`,
    `- Pinning: ${pinning}`,
    `- Load: autocannon in its own process, ${report.connections} connections, ${report.seconds} s per run, loopback only; keys rotate per request`,
    '- Server under test: `apps/server/src/index.ts` as a child process with NODE_ENV=production, LOG_LEVEL=info (pino, one line per request, to /dev/null), /metrics on, per-key rate limit off unless stated, no REDIS_URL (limits in memory)',
    '- Baselines, each its own pinned process answering the same constant JSON on the same path: a bare Express 5 route (`bench/src/bare-express-server.ts`) and a raw `node:http` server (`bench/src/raw-node-server.ts`); the three alternate in short slices',
    '- Latencies are measured per response by the load process (sub-millisecond); server CPU is utime+stime of the server process over the run divided by responses',
    `- Whole bench took ${report.totalSeconds?.toFixed(0) ?? '?'} s`,
    '',
    '## Summary',
    '',
    'Ratios are ours / baseline: by req/s in the same paired run, and (in brackets) by server CPU per request, i.e. what to expect with the server CPU-bound.',
    '',
    '| database | keys in table | bare Express req/s (CPU µs/req) | raw node:http req/s (CPU µs/req) | ours req/s (CPU µs/req) | ours / bare Express | ours / raw node:http | ours p99 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const cell = (run: RunRecord | undefined) =>
    run ? `${int(run.requestsPerSecond)} (${run.cpuMicrosPerRequest.toFixed(0)})` : '–'
  for (const section of report.sections) {
    const bare = find(section, 'bare')
    const raw = find(section, 'raw')
    const ours = find(section, 'valid')
    if (!bare || !ours) continue
    const toBare = versus(ours, bare)
    const toRaw = versus(ours, raw)
    out.push(
      `| ${section.kind} | ${int(section.scale)} | ${cell(bare)} | ${cell(raw)} | ${cell(ours)} | ${ratio(toBare.rps)} (${ratio(toBare.cpu)}) | ${ratio(toRaw.rps)} (${ratio(toRaw.cpu)}) | ${ms(ours.p99Ms)} |`,
    )
  }
  out.push('')
  const kinds = [...new Set(report.sections.map((s) => s.kind))]
  for (const kind of kinds) {
    const [small, large] = report.sections.filter((s) => s.kind === kind).sort((a, b) => a.scale - b.scale)
    const a = small && find(small, 'valid')
    const b = large && find(large, 'valid')
    if (a && b && small !== large) {
      const change = b.requestsPerSecond / a.requestsPerSecond - 1
      const cpuChange = b.cpuMicrosPerRequest / a.cpuMicrosPerRequest - 1
      out.push(
        `- ${kind}: valid-key throughput with ${int(large.scale)} keys is ${(change * 100).toFixed(1)}% vs ${int(small.scale)} keys (server CPU per request ${(cpuChange * 100).toFixed(1)}%).`,
      )
    }
  }
  if (report.propagation) {
    const p = report.propagation
    out.push(
      `- Revocation propagation, two instances on one PostgreSQL: p50 ${ms(p.p50Ms)} ms, p99 ${ms(p.p99Ms)} ms, max ${ms(p.maxMs)} ms over ${p.samples} revocations` +
        ` (time from A's revoke response until B first answers 401; B polled back to back, so each figure includes one request to B)` +
        (p.notPropagated ? `; ${p.notPropagated} NOT refused within 2 s` : '') +
        '.',
    )
  }
  out.push('', ...targetChecks(report), '')
  if (report.rateLimited) {
    out.push(
      `## Per-key rate limit on (100 requests/s per key; ${report.rateLimited.database})`,
      '',
      ...runTable(report.rateLimited.runs),
      '',
    )
  }
  for (const section of report.sections) {
    out.push(
      `## ${section.name}`,
      '',
      ...runTable(section.runs),
      '',
      'Counter changes over each run (from /metrics):',
      '',
      ...counterTable(section.runs),
      '',
    )
  }
  out.push(
    '## Seeding',
    '',
    '| database | keys | seconds (create, migrate, load, index, analyze) |',
    '| --- | ---: | ---: |',
  )
  for (const p of report.preparation) out.push(`| ${p.kind} | ${int(p.scale)} | ${p.seconds.toFixed(1)} |`)
  out.push('')
  return out.join('\n')
}

const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

/** The targets, each checked against this run's numbers. */
function targetChecks(report: BenchReport): string[] {
  const lines = ['## Targets', '']
  const loads = report.sections.flatMap((s) => s.runs.map((r) => r.loadavg))
  if (loads.length) {
    lines.push(
      `The 1-minute load average before runs was ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${report.machine.cores} cores; the bench's own server and load generator account for about 2. ` +
        (Math.max(...loads) > report.machine.cores + 0.5
          ? 'Other work shared the machine, so absolute req/s and tail latencies are depressed and noisy. '
          : '') +
        'The baselines and ours alternate in short slices within each run, so the ratios and CPU per request compare like with like. ' +
        'When neither server keeps its core busy the req/s ratio flatters the slower one: server CPU per request is the sturdier figure, and its inverse (baseline CPU / ours) is the throughput ratio to expect with the server CPU-bound. ' +
        'Tail latency (p99) on this shared machine is mostly the scheduler: compare it with the p99 of the baselines in the tables below.',
      '',
    )
  }
  for (const section of report.sections) {
    const bare = find(section, 'bare')
    const ours = find(section, 'valid')
    if (!bare || !ours) continue
    const toBare = versus(ours, bare)
    const toRaw = versus(ours, find(section, 'raw'))
    const stretch = (n: number) => (n >= 2 ? ' (stretch ≥ 2.0×: met)' : ' (stretch ≥ 2.0×: not reached)')
    lines.push(
      `- ${section.name}: valid-key throughput ${ratio(toBare.rps)} bare Express (target ≥ 1.0×): ${verdict(toBare.rps >= 1)}${stretch(toBare.rps)}; ` +
        `server CPU per request ${ours.cpuMicrosPerRequest.toFixed(0)} vs ${bare.cpuMicrosPerRequest.toFixed(0)} µs, i.e. ${ratio(toBare.cpu)} bare when CPU-bound: ${verdict(toBare.cpu >= 1)}${stretch(toBare.cpu)}.`,
    )
    lines.push(
      `- ${section.name}: against raw node:http (the machine's limit, no target): ${ratio(toRaw.rps)} by req/s, ${ratio(toRaw.cpu)} by CPU per request.`,
    )
    lines.push(
      `- ${section.name}: valid-key p99 ${ms(ours.p99Ms)} ms at ${report.connections} connections (target < 10 ms): ${verdict(ours.p99Ms < 10)}.`,
    )
    const c = ours.counters
    if (c) {
      lines.push(
        `- ${section.name}: last_used rows written during the ${report.seconds}-s valid-key run: ${int(c.storra_last_used_rows_total)} for ${VALID_KEY_COUNT} keys in use, in ${int(c.storra_last_used_flushes_total)} statements (target ≤ 1 per key per minute, i.e. ≤ ${VALID_KEY_COUNT} here): ${verdict(c.storra_last_used_rows_total <= VALID_KEY_COUNT)}.`,
      )
    }
    const malformed = find(section, 'malformed')?.counters
    if (malformed) {
      lines.push(
        `- ${section.name}: malformed / bad-checksum run: ${int(malformed.storra_key_malformed_total)} keys rejected before any lookup, ${int(malformed.storra_key_cache_misses_total)} database lookups (target 0): ${verdict(malformed.storra_key_cache_misses_total === 0)}.`,
      )
    }
  }
  for (const kind of new Set(report.sections.map((s) => s.kind))) {
    const [small, large] = report.sections.filter((s) => s.kind === kind).sort((a, b) => a.scale - b.scale)
    const a = small && find(small, 'valid')
    const b = large && find(large, 'valid')
    if (!a || !b || small === large) continue
    const change = b.requestsPerSecond / a.requestsPerSecond - 1
    const lookups =
      (a.counters?.storra_key_cache_misses_total ?? NaN) + (b.counters?.storra_key_cache_misses_total ?? NaN)
    const bareA = find(small, 'bare')
    const bareB = find(large, 'bare')
    const bareChange = bareA && bareB ? bareB.requestsPerSecond / bareA.requestsPerSecond - 1 : NaN
    lines.push(
      `- ${kind}: valid-key throughput at ${int(large.scale)} keys vs ${int(small.scale)} keys: ${(change * 100).toFixed(1)}% (target within ±5%): ${verdict(Math.abs(change) <= 0.05)}; CPU per request ${a.cpuMicrosPerRequest.toFixed(0)} vs ${b.cpuMicrosPerRequest.toFixed(0)} µs.` +
        (lookups === 0
          ? ` Both runs made 0 database lookups (every key answered from the cache), so the key table's size cannot be the cause of a difference; the bare Express route moved ${(bareChange * 100).toFixed(1)}% between the same two sections, which is the machine's background load.`
          : ''),
    )
  }
  if (report.propagation) {
    lines.push(
      `- Revocation propagation p99 ${ms(report.propagation.p99Ms)} ms (target < 100 ms): ${verdict(report.propagation.p99Ms < 100 && report.propagation.notPropagated === 0)}.`,
    )
  }
  return lines
}
