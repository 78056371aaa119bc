import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabaseTargets } from '../../src/testing.ts'
import { fuzzEnv } from './env.ts'
import { startFuzzTarget, type FuzzTarget } from './fuzz-target.ts'
import { fuzz } from './fuzz-runner.ts'
import { requestArbitrary, type RequestArbitraryOptions } from './request-arbitraries.ts'

/**
 * The project's fuzz suite (issue 17): generated requests over real HTTP to every route
 * family, with any method, headers, cookies, bodies and raw protocol damage, with and without
 * a live session and a valid key. Every answer must be below 500, every `/api/` answer JSON in
 * its family's shape, and the log free of errors, stack traces and whole keys.
 *
 * CI runs a fixed seed and a bounded number of requests; by hand:
 *   FUZZ_RUNS=10000 FUZZ_SEED=7 npx vitest run test/fuzz
 *   FUZZ_COLLECT=/tmp/classes.md FUZZ_RUNS=10000 npx vitest run test/fuzz   (survey: every class, not the first)
 */

// Requests per database in CI, shared out among the properties below.
const CI_RUNS = 1500
const runs = fuzzEnv.runs ?? CI_RUNS

interface FuzzProperty {
  name: string
  /** `proxied`: the server trusts one proxy hop, so X-Forwarded-For decides req.ip. */
  server: 'plain' | 'proxied'
  share: number
  options: RequestArbitraryOptions
}

const PROPERTIES: FuzzProperty[] = [
  {
    name: 'well-formed HTTP, any route, method, header, cookie and body',
    server: 'plain',
    share: 0.5,
    options: { forwardedForPresence: 2, oddities: false, batchLimit: 12, credentialWeight: 1 },
  },
  {
    name: 'behind a trusted proxy, with X-Forwarded-For of any length',
    server: 'proxied',
    share: 0.25,
    options: { forwardedForPresence: 18, oddities: false, batchLimit: 6, credentialWeight: 10 },
  },
  {
    name: 'raw protocol damage: bad header names, control characters, framing, obs-fold, versions',
    server: 'plain',
    share: 0.25,
    options: { forwardedForPresence: 1, oddities: true, batchLimit: 3, credentialWeight: 1 },
  },
]

describe.each(testDatabaseTargets())('fuzzing every route over HTTP ($name)', (target) => {
  const servers: Partial<Record<FuzzProperty['server'], FuzzTarget>> = {}
  const surveyed: string[] = []

  // Starting PGlite twice takes seconds on a quiet machine, and much longer on a busy one.
  beforeAll(async () => {
    ;[servers.plain, servers.proxied] = await Promise.all([
      startFuzzTarget(target),
      startFuzzTarget(target, { http: { trustProxy: 1 } }),
    ])
  }, 180_000)
  afterAll(async () => {
    await Promise.all([servers.plain?.dispose(), servers.proxied?.dispose()])
  }, 180_000)

  PROPERTIES.forEach((property, index) => {
    const count = Math.max(1, Math.round(runs * property.share))
    it(
      property.name,
      async () => {
        const classes = await fuzz(servers[property.server]!, requestArbitrary(property.options), {
          runs: count,
          seedOffset: index,
          name: property.name,
        })
        surveyed.push(...classes)
      },
      // Generous: a loaded 2-core machine, plus shrinking when something fails.
      120_000 + count * 400,
    )
  })

  it.runIf(fuzzEnv.collectFile !== undefined)('survey: no failure class found', () => {
    expect(surveyed, `failure classes, written to ${fuzzEnv.collectFile}`).toEqual([])
  })
})
