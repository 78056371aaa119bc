/**
 * How deeply a JSON request body may nest. Every body the API accepts is at most three
 * levels deep (a tRPC batch of objects); 32 leaves room and keeps recursive code (the tRPC
 * adapter re-serialises bodies, validators walk them) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 32

export const JSON_TOO_DEEP_MESSAGE = `Request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`

/**
 * True when a parsed JSON value nests arrays/objects more than `max` levels. Iterative, so
 * a value of any depth is measured without recursion.
 */
export function exceedsJsonDepth(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth + 1 > max) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return false
}

/**
 * Most procedures one tRPC batch may carry. The dashboard batches a handful at most; an
 * unbounded batch let one request queue thousands of calls (issue 10.4).
 */
export const MAX_TRPC_BATCH_SIZE = 10

/**
 * Procedures that set or clear the session cookie must answer before any byte of the body
 * is sent, which a streamed (`application/jsonl`) batch cannot promise.
 */
export const STREAMED_COOKIE_CALL_MESSAGE =
  'Sign-in, sign-out and password changes cannot be streamed: send them without `trpc-accept: application/jsonl` (use httpBatchLink or httpLink).'
