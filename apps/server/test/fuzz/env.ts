/**
 * The fuzz suite's knobs, read once. CI runs the defaults (fixed seed, bounded runs);
 * longer runs by hand: `FUZZ_RUNS=10000 FUZZ_SEED=7 npx vitest run test/fuzz`.
 */
function positiveInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${JSON.stringify(value)}`)
  return n
}

export const fuzzEnv = {
  /** Requests per database, shared out among the suite's properties; undefined: the CI default. */
  runs: positiveInteger('FUZZ_RUNS', process.env.FUZZ_RUNS),
  /** fast-check's seed; a failure report prints the seed and path that replay it. */
  seed: positiveInteger('FUZZ_SEED', process.env.FUZZ_SEED) ?? 20_261_129,
  /**
   * Survey mode: a file to which every distinct failure class is appended (with its shrunk
   * reproducer) instead of stopping at the first; the run then fails once, listing them all.
   */
  collectFile: process.env.FUZZ_COLLECT || undefined,
} as const
