import { METHODS } from 'node:http'
import { API_KEY_PATTERN, isWellFormedApiKey } from '@storra/core'
import { isTrpcErrorEnvelope } from '../hardening/trpc-over-http.ts'
import { ODDITY_REFUSED_BY_PARSER, type Oddity, type RouteFamily } from './fuzz-request.ts'
import type { WireExchange, WireResponse } from './raw-exchange.ts'

/** One broken promise in an answer or in the log lines the request left behind. */
export interface Violation {
  kind:
    | 'server-error'
    | 'no-answer'
    | 'closed-without-answer'
    | 'bare-error'
    | 'not-json'
    | 'wrong-shape'
    | 'internal-error-inside-batch'
    | 'error-logged'
    | 'stack-in-log'
    | 'key-in-log'
  status?: number
  family: RouteFamily
  detail: string
}

/** Node's default limit on a request's head (`--max-http-header-size`): beyond it Node answers 431 itself. */
const MAX_HEAD_BYTES = 16 * 1024

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

function isJsonLines(text: string): boolean {
  const lines = text.split('\n').filter(Boolean)
  return lines.length > 1 && lines.every((line) => parseJson(line).ok)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A log or body field as text: strings and numbers as they are, anything else as JSON. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? '')
}

/** Finds a tRPC error item that reports a 5xx anywhere inside a (batched or streamed) answer. */
function findInternalError(value: unknown, depth = 0): string | undefined {
  if (depth > 50 || typeof value !== 'object' || value === null) return undefined
  if (isObject(value)) {
    const data = value.data
    if (isObject(data) && typeof data.httpStatus === 'number' && data.httpStatus >= 500)
      return `${text(data.code)} ${text(value.message ?? '')}`
  }
  for (const item of Object.values(value)) {
    const found = findInternalError(item, depth + 1)
    if (found) return found
  }
  return undefined
}

function shapeProblem(
  family: RouteFamily,
  response: WireResponse,
  protocolRefusal: boolean,
): Violation['kind'] | undefined {
  const contentType = response.headers['content-type'] ?? ''
  const text = response.body.toString('utf8')
  // tRPC streams (httpBatchStreamLink) as JSON lines, whatever Content-Type says.
  if (family === 'trpc' && (/^application\/jsonl/i.test(contentType) || isJsonLines(text))) return undefined
  const parsed = parseJson(text)
  if (!parsed.ok) return response.status >= 400 && text.length === 0 ? 'bare-error' : 'not-json'
  if (response.status < 400) return undefined
  const body = parsed.value
  const keys = isObject(body) ? Object.keys(body) : []
  const detailShape =
    keys.length === 1 && isObject(body) && (typeof body.detail === 'string' || Array.isArray(body.detail))
  const errorShape = keys.length === 1 && isObject(body) && typeof body.error === 'string'
  if (family === 'client') return detailShape ? undefined : 'wrong-shape'
  if (family === 'dashboard') return errorShape ? undefined : 'wrong-shape'
  // tRPC: its envelope, one per procedure in a batch.
  if (isTrpcErrorEnvelope(body)) return undefined
  if (
    Array.isArray(body) &&
    body.length > 0 &&
    body.every((item) => isTrpcErrorEnvelope(item) || (isObject(item) && 'result' in item))
  )
    return undefined
  if (protocolRefusal && errorShape) return undefined
  return 'wrong-shape'
}

/**
 * The answer's promises: no 5xx; on `/api/` paths a JSON body in the family's shape
 * (`{"detail"}` under /api/v1/client, `{"error"}` on the dashboard REST API, tRPC's error
 * envelope on /api/v1/dashboard/trpc); an answer at all where HTTP allows one.
 */
export function checkExchange(
  family: RouteFamily,
  exchange: WireExchange,
  request: { method: string; oddities: Oddity[]; headBytes: number },
): Violation[] {
  const violations: Violation[] = []
  // Refused by Node's parser, the answer comes from the HTTP server's client-error handler,
  // which knows the path but not tRPC: on tRPC paths `{"error": ...}` is right too (issue 17 #4).
  const protocolRefusal =
    request.oddities.some((o) => ODDITY_REFUSED_BY_PARSER[o]) ||
    request.headBytes > MAX_HEAD_BYTES ||
    !METHODS.includes(request.method)
  if (exchange.responses.length === 0) {
    if (exchange.ending === 'timeout')
      violations.push({ kind: 'no-answer', family, detail: `no answer (${exchange.leftover} bytes of a partial one)` })
    else if (family !== 'other')
      violations.push({
        kind: 'closed-without-answer',
        family,
        detail: `connection ${exchange.ending} without any answer`,
      })
    return violations
  }
  const response = exchange.responses[0]!
  if (response.status >= 500) {
    violations.push({
      kind: 'server-error',
      status: response.status,
      family,
      detail: response.body.toString('utf8').slice(0, 200),
    })
  }
  const bodyless = request.method === 'HEAD' || response.status === 204 || response.status === 304
  if (family !== 'other' && !bodyless) {
    const problem = shapeProblem(family, response, protocolRefusal)
    if (problem)
      violations.push({
        kind: problem,
        status: response.status,
        family,
        detail: response.body.toString('utf8').slice(0, 200) || response.head.split('\r\n')[0]!,
      })
  }
  if (family === 'trpc' && !bodyless) {
    const text = response.body.toString('utf8')
    const items = isJsonLines(text) ? text.split('\n').filter(Boolean) : [text]
    for (const item of items) {
      const parsed = parseJson(item)
      const internal = parsed.ok ? findInternalError(parsed.value) : undefined
      if (internal) {
        violations.push({
          kind: 'internal-error-inside-batch',
          status: response.status,
          family,
          detail: internal.slice(0, 200),
        })
        break
      }
    }
  }
  return violations
}

/** Normalises a log message for grouping: numbers and quoted values vary from run to run. */
function gist(text: string): string {
  return text
    .replace(/\d+/g, 'N')
    .replace(/"[^"]{12,}"/g, '"…"')
    .slice(0, 160)
}

/**
 * The promises about the log: no line at error level or above, no stack trace, no whole API
 * key (anything matching the key format with a valid checksum).
 */
export function checkLogLines(family: RouteFamily, lines: readonly string[]): Violation[] {
  const violations: Violation[] = []
  for (const line of lines) {
    let entry: Record<string, unknown> = {}
    try {
      entry = JSON.parse(line) as Record<string, unknown>
    } catch {
      // a non-JSON line is itself odd, and is reported below if it holds a stack
    }
    const level = typeof entry.level === 'number' ? entry.level : 0
    const err = isObject(entry.err) ? entry.err : undefined
    // A request line names a path that varies from case to case: its method and status are its class.
    const req = isObject(entry.req) ? entry.req : undefined
    const res = isObject(entry.res) ? entry.res : undefined
    const message = req
      ? `request line: ${text(req.method)} ${text(res?.statusCode ?? 'aborted')}`
      : `${text(entry.msg ?? '')}${err ? `: ${text(err.type ?? '')} ${text(err.message ?? '')}` : ''}`
    if (level >= 50) violations.push({ kind: 'error-logged', family, detail: gist(message) })
    if (/"stack"\s*:|\n\s+at [^\s]+ \(/.test(line))
      violations.push({ kind: 'stack-in-log', family, detail: gist(message) })
    for (const match of line.matchAll(new RegExp(API_KEY_PATTERN.source, 'g'))) {
      if (isWellFormedApiKey(match[0])) {
        violations.push({
          kind: 'key-in-log',
          family,
          detail: req ? 'request line' : gist(message.replace(match[0], 'sk_<whole key>')),
        })
        break
      }
    }
  }
  return violations
}

/** A violation's class: what broke, where, and how, without the values that vary. */
export function signatureOf(v: Violation): string {
  // A bare protocol answer, a dropped connection or a key in the log has one cause whatever the family.
  const where = [
    'bare-error',
    'closed-without-answer',
    'no-answer',
    'key-in-log',
    'stack-in-log',
    'error-logged',
  ].includes(v.kind)
    ? '/api'
    : v.family
  return `${v.kind}${v.status ? ` ${v.status}` : ''} on ${where}: ${v.kind === 'wrong-shape' || v.kind === 'not-json' ? gist(v.detail).slice(0, 60) : gist(v.detail)}`
}
