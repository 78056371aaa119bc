import type { ServerResponse } from 'node:http'

/** `value` as the UTF-8 bytes of its JSON text: what a constant body costs once, not per request. */
export function jsonBytes(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8')
}

/** helmet's HSTS value, so the client API and the dashboard announce the same policy. */
const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers a JSON API needs, and no more: the HTML set (frame, referrer, cross-origin,
 * DNS-prefetch...) protects documents a browser renders; a JSON answer is never one, and a
 * dozen headers per response is measurable at client API rates (bench/ANALYSIS.md). The CSP
 * forbids everything in case a browser is ever tricked into rendering a body.
 */
export function jsonApiHeaders(secure: boolean): readonly string[] {
  return [
    'Content-Type',
    'application/json; charset=utf-8',
    'Cache-Control',
    'no-store',
    'X-Content-Type-Options',
    'nosniff',
    'Content-Security-Policy',
    "default-src 'none'; frame-ancestors 'none'",
    ...(secure ? ['Strict-Transport-Security', HSTS] : []),
  ]
}

/**
 * Writes a whole JSON answer in one `writeHead` with the headers as a flat name/value list (Node's
 * fastest form: no per-header `setHeader` bookkeeping). A HEAD request gets the same head and no
 * body (Node drops it). `extra` is more flat name/value pairs.
 */
export function writeJson(
  res: ServerResponse,
  base: readonly string[],
  status: number,
  body: Buffer,
  extra?: readonly string[],
): void {
  const headers = extra ? [...base, ...extra] : [...base]
  headers.push('Content-Length', String(body.length))
  res.writeHead(status, headers)
  res.end(body)
}
