import fc from 'fast-check'

/**
 * Names the generator may put anywhere in a request (path, header, body); they are replaced
 * with the live fixture's value just before sending, so that a generated request can carry a
 * valid session, key, email or password that only exists once the server runs.
 */
type Placeholder =
  | '$PRO_KEY'
  | '$FREE_KEY'
  | '$REVOKED_KEY'
  | '$KEY_PREFIX'
  | '$USER_EMAIL'
  | '$USER_PASSWORD'
  | '$USER_ID'
  | '$ADMIN_ID'
  | '$USER_SESSION'
  | '$ADMIN_SESSION'
  | '$FREE_SESSION'
  | '$ORIGIN'
  | '$HOST'
export type PlaceholderValues = Record<Placeholder, string>

/** How a body's text becomes bytes: UTF-8 as a client should send it, or deliberately not. */
export type BodyEncoding = 'utf8' | 'latin1' | 'utf16le'

/**
 * Protocol-level damage applied while the request is serialised, each naming one thing a
 * parser must refuse or survive (RFC 9112 §§ 2.2, 3, 5, 6; obs-fold § 5.2), with whether
 * Node's HTTP parser refuses it before any application code runs (measured on Node 20).
 */
export const ODDITY_REFUSED_BY_PARSER = {
  'bad-header-name': true,
  'ctl-in-header-value': true,
  'nul-in-header-value': true,
  'bare-lf-line-ends': true,
  'bare-cr-in-header': true,
  'duplicate-content-length-same': true,
  'duplicate-content-length-different': true,
  'content-length-and-chunked': true,
  'invalid-chunk-size': true,
  'transfer-encoding-not-chunked': true,
  'obs-fold': true,
  'space-before-colon': true,
  'oversized-header': true,
  'oversized-target': true,
  'unknown-http-version': true,
  'missing-host': true,
  'ctl-in-target': true,
  'negative-content-length': true,
  'non-numeric-content-length': true,
  'expect-unknown': true,
  'http-1.0': false,
  'two-hosts': false,
  'absolute-form-target': false,
  'expect-100-continue': false,
  'upgrade-websocket': false,
  'upgrade-h2c': false,
} as const satisfies Record<string, boolean>

export type Oddity = keyof typeof ODDITY_REFUSED_BY_PARSER
export const ODDITIES = Object.keys(ODDITY_REFUSED_BY_PARSER) as Oddity[]

/** One generated request, before placeholders are filled in. */
export interface FuzzRequest {
  method: string
  /** Request target as sent: path and query, not normalised. */
  target: string
  headers: [string, string][]
  body: { text: string; encoding: BodyEncoding } | undefined
  /** Raw protocol damage; empty for a well-framed request. */
  oddities: Oddity[]
}

/** Replaces each placeholder in `text` by its value, passed through `encode` (e.g. for a URL). */
function fillPlaceholders(
  text: string,
  values: PlaceholderValues,
  encode: (value: string) => string = (v) => v,
): string {
  return text.includes('$')
    ? text.replace(/\$[A-Z_]+/g, (name) => (name in values ? encode(values[name as Placeholder]) : name))
    : text
}

/** The request with every placeholder replaced by the running fixture's value. */
export function resolveRequest(request: FuzzRequest, values: PlaceholderValues): FuzzRequest {
  return {
    ...request,
    target: fillPlaceholders(request.target, values, encodeURIComponent),
    headers: request.headers.map(([name, value]) => [name, fillPlaceholders(value, values)]),
    body: request.body && { ...request.body, text: fillPlaceholders(request.body.text, values) },
  }
}

/** The route family a path belongs to, as the server routes it (Express matches paths case-insensitively). */
export type RouteFamily = 'client' | 'dashboard' | 'trpc' | 'other'

export function routeFamilyOf(target: string): RouteFamily {
  const path = (target.startsWith('http://') ? target.replace(/^http:\/\/[^/]*/, '') : target)
    .split('?')[0]!
    .toLowerCase()
  if (path.startsWith('/api/v1/client')) return 'client'
  if (path.startsWith('/api/v1/dashboard/trpc')) return 'trpc'
  if (path.startsWith('/api/')) return 'dashboard'
  return 'other'
}

function bodyBytes(request: FuzzRequest): Buffer {
  if (!request.body) return Buffer.alloc(0)
  return Buffer.from(request.body.text, request.body.encoding)
}

function chunked(payload: Buffer): Buffer {
  if (payload.length === 0) return Buffer.from('0\r\n\r\n')
  return Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')])
}

/**
 * The exact bytes of the request: request line, `Host`, the generated headers,
 * `Connection: close`, framing, then the body, with each oddity applied.
 */
export function serializeRequest(request: FuzzRequest, port: number): Buffer {
  const odd = new Set(request.oddities)
  const payload = bodyBytes(request)
  let target = request.target
  if (odd.has('absolute-form-target')) target = `http://127.0.0.1:${port}${target.startsWith('/') ? '' : '/'}${target}`
  if (odd.has('ctl-in-target')) target = `${target}\x01x`
  if (odd.has('oversized-target')) target = `${target}${target.includes('?') ? '&' : '?'}pad=${'a'.repeat(20_000)}`
  const version = odd.has('http-1.0') ? 'HTTP/1.0' : odd.has('unknown-http-version') ? 'HTTP/1.7' : 'HTTP/1.1'

  const lines: string[] = [`${request.method} ${target} ${version}`]
  if (!odd.has('missing-host')) lines.push(`Host: 127.0.0.1:${port}`)
  if (odd.has('two-hosts')) lines.push('Host: evil.example')
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`)
  if (odd.has('bad-header-name')) lines.push('Bad Header(x): 1')
  if (odd.has('ctl-in-header-value')) lines.push('X-Ctl: a\x01b\x7f')
  if (odd.has('nul-in-header-value')) lines.push('X-Nul: a\x00b')
  if (odd.has('bare-cr-in-header')) lines.push('X-Cr: a\rb')
  if (odd.has('obs-fold')) lines.push('X-Folded: first', ' second')
  if (odd.has('space-before-colon')) lines.push('X-Spaced : 1')
  if (odd.has('oversized-header')) lines.push(`X-Big: ${'b'.repeat(20_000)}`)
  if (odd.has('expect-100-continue')) lines.push('Expect: 100-continue')
  if (odd.has('expect-unknown')) lines.push('Expect: teapot')
  if (odd.has('upgrade-websocket'))
    lines.push('Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==')
  if (odd.has('upgrade-h2c')) lines.push('Upgrade: h2c', 'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA')
  const upgrade = odd.has('upgrade-websocket') || odd.has('upgrade-h2c')
  lines.push(upgrade ? 'Connection: Upgrade, close' : 'Connection: close')

  let body = payload
  const chunkedFraming = odd.has('content-length-and-chunked') || odd.has('invalid-chunk-size')
  if (chunkedFraming) {
    lines.push('Transfer-Encoding: chunked')
    if (odd.has('content-length-and-chunked')) lines.push(`Content-Length: ${chunked(payload).length}`)
    body = odd.has('invalid-chunk-size')
      ? Buffer.concat([Buffer.from('zz\r\n'), payload, Buffer.from('\r\n0\r\n\r\n')])
      : chunked(payload)
  } else if (odd.has('transfer-encoding-not-chunked')) {
    lines.push('Transfer-Encoding: gzip')
  } else if (odd.has('negative-content-length')) {
    lines.push('Content-Length: -1')
  } else if (odd.has('non-numeric-content-length')) {
    lines.push('Content-Length: 1x')
  } else if (
    payload.length > 0 ||
    ['POST', 'PUT', 'PATCH'].includes(request.method) ||
    odd.has('duplicate-content-length-same') ||
    odd.has('duplicate-content-length-different')
  ) {
    lines.push(`Content-Length: ${payload.length}`)
    if (odd.has('duplicate-content-length-same')) lines.push(`Content-Length: ${payload.length}`)
    if (odd.has('duplicate-content-length-different')) lines.push(`Content-Length: ${payload.length + 1}`)
  }
  const eol = odd.has('bare-lf-line-ends') ? '\n' : '\r\n'
  return Buffer.concat([Buffer.from(lines.join(eol) + eol + eol, 'latin1'), body])
}

/** Long runs of one character or pattern, as `'['×4104`: keeps a reproducer readable. */
function abbreviate(text: string, max = 600): string {
  const squeezed = text.replace(
    /(.{1,16}?)\1{7,}/gs,
    (run, unit: string) => `«${JSON.stringify(unit)}×${run.length / unit.length}»`,
  )
  return squeezed.length > max ? `${squeezed.slice(0, max)}…(${squeezed.length} chars)` : squeezed
}

/** A request as a reader wants it in a failure report: method, target, headers, body, oddities. */
export function describeRequest(request: FuzzRequest): string {
  const parts = [`${JSON.stringify(request.method)} ${abbreviate(JSON.stringify(request.target))}`]
  for (const [name, value] of request.headers) parts.push(`  ${name}: ${abbreviate(JSON.stringify(value))}`)
  if (request.body) parts.push(`  body (${request.body.encoding}): ${abbreviate(JSON.stringify(request.body.text))}`)
  if (request.oddities.length) parts.push(`  oddities: ${request.oddities.join(', ')}`)
  return parts.join('\n')
}

/** Attaches the readable form, which fast-check prints for a counterexample. */
export function withDescription(request: FuzzRequest): FuzzRequest {
  Object.defineProperty(request, fc.toStringMethod, {
    value: () => `\n${describeRequest(request)}\n`,
    enumerable: false,
  })
  return request
}
