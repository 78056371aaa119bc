import { request } from 'node:http'

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
