import { appendFileSync } from 'node:fs'
import fc from 'fast-check'
import { checkExchange, checkLogLines, signatureOf, type Violation } from './answer-checks.ts'
import { fuzzEnv } from './env.ts'
import { describeRequest, resolveRequest, routeFamilyOf, serializeRequest, type FuzzRequest } from './fuzz-request.ts'
import type { FuzzTarget } from './fuzz-target.ts'
import { exchange } from './raw-exchange.ts'

/** Long enough for an argon2 check on a busy 2-core machine; a server that says nothing for this long has hung. */
const ANSWER_TIMEOUT_MS = 10_000

function headLength(bytes: Buffer): number {
  const crlf = bytes.indexOf('\r\n\r\n')
  return crlf === -1 ? bytes.indexOf('\n\n') : crlf
}

/** What one request got: the status of each response, and every promise it broke. */
interface CaseResult {
  statuses: number[]
  violations: Violation[]
}

/**
 * Sends one generated request over a fresh TCP connection, checks the answer and the log
 * lines it caused, then heals the fixtures (sessions, plan, password, key) for the next one.
 */
async function runCase(target: FuzzTarget, request: FuzzRequest): Promise<CaseResult> {
  const resolved = resolveRequest(request, target.values)
  const bytes = serializeRequest(resolved, target.server.port)
  const logStart = target.lines.length
  try {
    const answer = await exchange(target.server.port, bytes, {
      headRequest: resolved.method === 'HEAD',
      timeoutMs: ANSWER_TIMEOUT_MS,
    })
    const family = routeFamilyOf(resolved.target)
    const violations = [
      ...checkExchange(family, answer, {
        method: resolved.method,
        oddities: resolved.oddities,
        headBytes: headLength(bytes),
      }),
      ...checkLogLines(family, target.lines.slice(logStart)),
    ]
    return { statuses: answer.responses.map((r) => r.status), violations }
  } finally {
    const passwordMayHaveChanged = /assword/i.test(request.target) && JSON.stringify(request).includes('$USER_PASSWORD')
    await target.heal({ passwordMayHaveChanged })
  }
}

function report(result: CaseResult, violations: Violation[]): string {
  return [
    `answered ${result.statuses.join(', ') || 'nothing'}; broken promises:`,
    ...violations.map((v) => `  - ${signatureOf(v)}\n      ${JSON.stringify(v.detail)}`),
    "($USER_SESSION, $PRO_KEY, … stand for the live fixtures' values: see the Placeholder type in test/fuzz/fuzz-request.ts)",
  ].join('\n')
}

/** Thrown by the property so that fast-check prints the violations beside the shrunk request. */
class FuzzFailure extends Error {
  constructor(
    readonly result: CaseResult,
    violations: Violation[],
  ) {
    super(report(result, violations))
    this.name = 'FuzzFailure'
  }
}

interface FuzzOptions {
  runs: number
  /** Added to the suite's seed, so each property has its own fixed sequence. */
  seedOffset: number
  /** Heading for survey-mode reports. */
  name: string
}

/**
 * Runs `runs` generated requests against `target`. Normally a failure stops the run and
 * fast-check shrinks it to a minimal request, printed with its seed and path for replay.
 * In survey mode (FUZZ_COLLECT) each new failure class is shrunk, appended to the file, and
 * then ignored so the search goes on; the returned list holds one entry per class.
 */
export async function fuzz(
  target: FuzzTarget,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  options: FuzzOptions,
): Promise<string[]> {
  const seed = fuzzEnv.seed + options.seedOffset
  const known = new Set<string>()
  const property = fc.asyncProperty(arbitrary, async (request) => {
    const result = await runCase(target, request)
    const fresh = result.violations.filter((v) => !known.has(signatureOf(v)))
    if (fresh.length) throw new FuzzFailure(result, fresh)
  })
  if (!fuzzEnv.collectFile) {
    await fc.assert(property, { numRuns: options.runs, seed })
    return []
  }

  const classes: string[] = []
  let done = 0
  for (let round = 0; done < options.runs; round++) {
    const details = await fc.check(property, { numRuns: options.runs - done, seed: seed + round * 7919 })
    done += details.numRuns
    if (!details.failed || !details.counterexample) break
    const failure = details.errorInstance instanceof FuzzFailure ? details.errorInstance : undefined
    const signatures = failure
      ? failure.result.violations.map(signatureOf)
      : [`threw: ${String(details.errorInstance)}`]
    const fresh = signatures.filter((s) => !known.has(s))
    for (const s of signatures) known.add(s)
    if (!fresh.length) continue
    const entry = [
      `### ${options.name} (${target.server.target}): ${fresh[0]}`,
      '',
      `found after ${done} requests (seed ${seed + round * 7919}, path "${details.counterexamplePath}", shrunk ${details.numShrinks} times)`,
      '```',
      describeRequest(details.counterexample[0]),
      '```',
      failure ? report(failure.result, failure.result.violations) : String(details.errorInstance),
      '',
    ].join('\n')
    appendFileSync(fuzzEnv.collectFile, `${entry}\n`)
    classes.push(entry)
  }
  appendFileSync(
    fuzzEnv.collectFile,
    `<!-- ${options.name} (${target.server.target}): ${done} requests, ${classes.length} classes -->\n\n`,
  )
  return classes
}
