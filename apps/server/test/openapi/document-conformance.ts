import { request } from 'node:http'
import type { OpenApiDocument } from '../../src/openapi/document.ts'
import { DocumentValidator } from '../../src/openapi/document-ajv.ts'
import { resolvePointer } from './schema-arbitrary.ts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const

/** One operation of the document, where it sits in it. */
export interface DocumentedOperation {
  path: string
  method: (typeof HTTP_METHODS)[number]
  operation: Json
}

/** Every operation in `document.paths`, in document order. */
export function documentedOperations(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries((document as Json).paths as Json).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => (item as Json)[method]).map((method) => ({
      path,
      method,
      operation: (item as Json)[method] as Json,
    })),
  )
}

/** A session cookie as a browser keeps it: Set-Cookie answers replace or clear it. */
export class CookieJar {
  constructor(public cookie = '') {}
  absorb(setCookie: string[] | undefined): void {
    for (const line of setCookie ?? []) {
      const pair = line.split(';')[0]!
      this.cookie = pair.endsWith('=') || /expires=Thu, 01 Jan 1970/i.test(line) ? '' : pair
    }
  }
}

export interface RawRequest {
  method: string
  path: string
  headers?: Record<string, string>
  body?: string
  jar?: CookieJar
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/**
 * One request over real HTTP with node:http (fetch refuses bodies on GET, and this test sends
 * them). The jar's cookie goes out and any Set-Cookie comes back into it.
 */
export function send(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(req.path, baseUrl)
  const headers: Record<string, string> = { ...req.headers }
  if (req.jar?.cookie) headers.cookie = req.jar.cookie
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: req.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        req.jar?.absorb(res.headers['set-cookie'])
        resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') })
      })
    })
    outgoing.on('error', reject)
    outgoing.end(req.body)
  })
}

function headerValue(schema: Json | undefined, raw: string): unknown {
  return schema?.type === 'integer' || schema?.type === 'number' ? Number(raw) : raw
}

/**
 * Checks an answer against the document: its status must be documented for the operation, its
 * documented required headers present and valid, and its body valid against that status's
 * schema (ajv, Draft 2020-12). `responsesAt` is the path of the operation's `responses`, or of
 * one response object (`components/responses/X`) that is the only answer allowed.
 * Returns what is wrong, or null.
 */
export function checkResponse(
  validator: DocumentValidator,
  responsesAt: readonly string[],
  response: RawResponse,
  single = false,
): string | null {
  const document = validator.document as Json
  const status = String(response.status)
  let at: string[]
  if (single) {
    at = [...responsesAt]
  } else {
    const responses = resolvePointer(
      document,
      '#/' + responsesAt.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/'),
    ) as Json
    const key = [status, `${status[0]}XX`, 'default'].find((k) => k in responses)
    if (!key)
      return `undocumented status ${status} (documented: ${Object.keys(responses).join(', ')}); body ${response.text.slice(0, 200)}`
    at = [...responsesAt, key]
  }
  let entry = at.reduce<Json>((node, k) => node[k], document)
  if (typeof entry.$ref === 'string') {
    at = entry.$ref.slice(2).split('/')
    entry = resolvePointer(document, entry.$ref) as Json
  }
  for (const [name, header] of Object.entries((entry.headers ?? {}) as Json)) {
    const raw = response.headers[name.toLowerCase()]
    if (raw === undefined) {
      if (header.required) return `status ${status}: documented header ${name} is missing`
      continue
    }
    const value = Array.isArray(raw) ? raw.join(', ') : raw
    const problem = validator.check([...at, 'headers', name, 'schema'], headerValue(header.schema, value))
    if (problem) return `status ${status}: header ${name}: ${value} ${problem}`
  }
  const content = entry.content as Json | undefined
  if (!content) return null
  const type = String(response.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
  if (!(type in content))
    return `status ${status}: content type ${type || '(none)'} not documented (${Object.keys(content).join(', ')})`
  let body: unknown = response.text
  if (type === 'application/json') {
    try {
      body = JSON.parse(response.text)
    } catch {
      return `status ${status}: body is not JSON: ${response.text.slice(0, 200)}`
    }
  }
  const problem = validator.check([...at, 'content', type, 'schema'], body)
  return problem ? `status ${status}: body ${response.text.slice(0, 300)} does not match: ${problem}` : null
}
