import { request } from 'node:http'
import { connect } from 'node:net'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * One HTTP request exactly as given: any method, a body on GET, header values with any
 * byte Node allows. fetch() would refuse or rewrite several of those.
 */
export function rawRequest(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string | Uint8Array; timeoutMs?: number },
): Promise<RawResponse> {
  const payload = options.body === undefined ? undefined : Buffer.from(options.body)
  // Node sends a GET body unframed unless told its length; then it would read as a second request.
  const headers =
    payload === undefined ? options.headers : { ...options.headers, 'content-length': String(payload.length) }
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      )
      res.on('error', reject)
    })
    req.setTimeout(options.timeoutMs ?? 15_000, () =>
      req.destroy(new Error(`no answer within ${options.timeoutMs ?? 15_000} ms`)),
    )
    req.on('error', reject)
    req.end(payload)
  })
}

export interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  text: string
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Writes `bytes` on a fresh TCP connection exactly as given (malformed requests that no HTTP
 * client would send) and reads until the server closes the connection.
 */
export function rawExchange(url: string, bytes: string | Uint8Array, timeoutMs = 15_000): Promise<RawExchange> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) })
    const chunks: Buffer[] = []
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`connection still open after ${timeoutMs} ms`)))
    socket.on('connect', () => socket.write(bytes))
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1')
      const [head = '', body = ''] = text.split('\r\n\r\n', 2)
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      resolve({ text, status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body })
    })
  })
}
