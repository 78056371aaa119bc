import { connect } from 'node:net'

/** One HTTP response as read off the wire (1xx interim answers skipped). */
export interface WireResponse {
  status: number
  /** Header names lower-cased; repeated headers joined with ", " (set-cookie with "\n"). */
  headers: Record<string, string>
  /** The body after de-chunking, as bytes. */
  body: Buffer
  /** The status line and headers exactly as received, for reports. */
  head: string
}

/** What came back for one request's bytes: zero or more responses, and how the connection ended. */
export interface WireExchange {
  responses: WireResponse[]
  /** `closed`: the server closed cleanly; `reset`: ECONNRESET/EPIPE; `timeout`: no end within the limit. */
  ending: 'closed' | 'reset' | 'timeout'
  /** Bytes received that could not be parsed as a response (e.g. a truncated one). */
  leftover: number
}

const CRLF_CRLF = Buffer.from('\r\n\r\n')

function parseHead(head: string): { status: number; headers: Record<string, string> } | undefined {
  const lines = head.split('\r\n')
  const match = /^HTTP\/\d\.\d (\d{3})/.exec(lines[0] ?? '')
  if (!match) return undefined
  const headers: Record<string, string> = {}
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] =
      headers[name] === undefined ? value : `${headers[name]}${name === 'set-cookie' ? '\n' : ', '}${value}`
  }
  return { status: Number(match[1]), headers }
}

/** Decodes a chunked body; undefined when the chunks are incomplete. */
function dechunk(data: Buffer, from: number): { body: Buffer; end: number } | undefined {
  const parts: Buffer[] = []
  let at = from
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at)
    if (lineEnd === -1) return undefined
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16)
    if (Number.isNaN(size)) return undefined
    at = lineEnd + 2
    if (size === 0) {
      // Trailers (none expected) end with an empty line.
      const trailerEnd = data.indexOf('\r\n', at)
      if (trailerEnd === -1) return undefined
      return { body: Buffer.concat(parts), end: trailerEnd + 2 }
    }
    if (data.length < at + size + 2) return undefined
    parts.push(data.subarray(at, at + size))
    at += size + 2
  }
}

/**
 * Splits the bytes a server sent into responses. `headRequest` marks the exchange as a HEAD,
 * whose responses carry no body whatever their Content-Length says.
 */
function parseResponses(data: Buffer, headRequest: boolean): { responses: WireResponse[]; leftover: number } {
  const responses: WireResponse[] = []
  let at = 0
  while (at < data.length) {
    const headEnd = data.indexOf(CRLF_CRLF, at)
    if (headEnd === -1) break
    const head = data.subarray(at, headEnd).toString('latin1')
    const parsed = parseHead(head)
    if (!parsed) break
    let next = headEnd + 4
    let body: Buffer = Buffer.alloc(0)
    const noBody = headRequest || parsed.status < 200 || parsed.status === 204 || parsed.status === 304
    if (!noBody) {
      if (/chunked/i.test(parsed.headers['transfer-encoding'] ?? '')) {
        const chunked = dechunk(data, next)
        if (!chunked) break
        body = chunked.body
        next = chunked.end
      } else if (parsed.headers['content-length'] !== undefined) {
        const length = Number(parsed.headers['content-length'])
        if (!Number.isSafeInteger(length) || data.length < next + length) break
        body = data.subarray(next, next + length)
        next += length
      } else {
        // Delimited by the connection's end.
        body = data.subarray(next)
        next = data.length
      }
    }
    at = next
    if (parsed.status >= 100 && parsed.status < 200) continue
    responses.push({ status: parsed.status, headers: parsed.headers, body, head })
  }
  return { responses, leftover: data.length - at }
}

/**
 * Writes `bytes` to a fresh TCP connection to 127.0.0.1:`port` as they are (no client library
 * in between to refuse or repair them), and reads until the server closes the connection.
 * The requests are expected to ask for `Connection: close`. The socket is never half-closed:
 * Node's HTTP server treats a client's FIN as an abort of the request in flight.
 */
export function exchange(
  port: number,
  bytes: Buffer,
  options: { headRequest: boolean; timeoutMs: number },
): Promise<WireExchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let settled = false
    const socket = connect({ host: '127.0.0.1', port })
    const finish = (ending: WireExchange['ending']) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve({ ...parseResponses(Buffer.concat(chunks), options.headRequest), ending })
    }
    const timer = setTimeout(() => finish('timeout'), options.timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => finish('reset'))
    socket.on('close', () => finish('closed'))
    socket.on('connect', () => socket.write(bytes))
  })
}
