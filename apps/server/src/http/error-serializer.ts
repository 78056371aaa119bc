import pino from 'pino'

// drizzle's DrizzleQueryError says `Failed query: <sql>\nparams: <values>`; the values are
// emails, hashes and session ids, and the statement is no use to anyone reading the log.
const FAILED_QUERY = /Failed query: [\s\S]*?\nparams: [^\n]*/g
const WITHHELD = 'Failed query (statement and parameters withheld)'
// Fields drivers attach to their errors: postgres.js (`query`, `parameters`), PGlite and
// drizzle (`query`, `params`).
const SQL_FIELDS = new Set(['query', 'parameters', 'params'])
const MAX_DEPTH = 6

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(FAILED_QUERY, WITHHELD)
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (!SQL_FIELDS.has(key)) out[key] = scrub(field, depth + 1)
  }
  return out
}

/**
 * pino's standard error serializer, then every SQL statement and bound parameter removed
 * from the result (messages, stacks, causes and driver fields alike), so a failed query
 * never writes client data such as an email into the log.
 */
export function serializeErrorWithoutSql(error: unknown): unknown {
  const serialized = error instanceof Error ? pino.stdSerializers.err(error) : error
  return scrub(serialized, 0)
}
