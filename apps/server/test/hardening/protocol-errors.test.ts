import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HTTP_MESSAGES } from '@storra/core'
import { startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'
import { rawExchange } from './raw-http.ts'
import { isTrpcErrorEnvelope } from './trpc-over-http.ts'

// Requests Node's HTTP parser refuses before any route sees them (issue 17 item 4): each is
// answered with Node's status, a JSON body in the shape of the family the path belongs to,
// and a closed connection.
const MALFORMED: Record<string, { status: number; request: (path: string) => string }> = {
  'a header name with a space': {
    status: 400,
    request: (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n`,
  },
  'a control character in a header value': {
    status: 400,
    request: (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Test: a\x01b\r\n\r\n`,
  },
  'a head over 16 KiB': {
    status: 431,
    request: (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  },
  'two different Content-Lengths': {
    status: 400,
    request: (path) =>
      `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}`,
  },
  'an obs-fold header line': {
    status: 400,
    request: (path) => `GET ${path} HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n`,
  },
  'an unknown method': { status: 400, request: (path) => `FOO ${path} HTTP/1.1\r\nHost: x\r\n\r\n` },
  'an unknown HTTP version': { status: 400, request: (path) => `GET ${path} HTTP/9.9\r\nHost: x\r\n\r\n` },
}

const PATHS: Record<string, { path: string; shaped: (body: unknown) => boolean }> = {
  client: { path: '/api/v1/client/users/me', shaped: (body) => isSentence(body, 'detail') },
  dashboard: { path: '/api/v1/dashboard/users/me', shaped: (body) => isSentence(body, 'error') },
  trpc: { path: '/api/v1/dashboard/trpc/auth.me', shaped: isTrpcErrorEnvelope },
  other: { path: '/healthz', shaped: (body) => isSentence(body, 'error') },
}

/** The sentence of a body of any family: `detail`, `error`, or the tRPC envelope's `error.message`. */
function messageOf(body: unknown): unknown {
  const { detail, error } = body as { detail?: unknown; error?: unknown }
  return detail ?? (typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : error)
}

function isSentence(body: unknown, field: string): boolean {
  const record = body as Record<string, unknown>
  return Object.keys(record).length === 1 && typeof record[field] === 'string' && record[field].length > 0
}

const [pglite] = testDatabaseTargets()

describe('protocol errors in the family shape', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(pglite!)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  for (const [what, malformed] of Object.entries(MALFORMED)) {
    for (const [family, { path, shaped }] of Object.entries(PATHS)) {
      it(`answers ${what} on a ${family} path with ${malformed.status} and a JSON body, then closes`, async () => {
        const answer = await rawExchange(server.url, malformed.request(path))
        expect(answer.status, answer.text.slice(0, 200)).toBe(malformed.status)
        expect(answer.headers['content-type']).toMatch(/^application\/json/)
        expect(answer.headers.connection).toBe('close')
        expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body))
        const body: unknown = JSON.parse(answer.body)
        expect(shaped(body)).toBe(true)
        expect(messageOf(body)).toBe(
          malformed.status === 431 ? HTTP_MESSAGES.headersTooLarge : HTTP_MESSAGES.malformedRequest,
        )
      })
    }
  }

  it('answers CONNECT like any other method a route does not take, instead of dropping the connection', async () => {
    const onRoute = await rawExchange(server.url, 'CONNECT /api/v1/client/users/me HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(onRoute.status).toBe(405)
    expect(onRoute.headers.allow).toBe('GET, HEAD')
    expect(JSON.parse(onRoute.body)).toEqual({ detail: 'Method Not Allowed' })
    const tunnel = await rawExchange(server.url, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n')
    expect(tunnel.status).toBe(400)
    expect(isSentence(JSON.parse(tunnel.body), 'error')).toBe(true)
  })

  it('still serves well-formed requests on the same server', async () => {
    const fine = await rawExchange(server.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(fine.status).toBe(200)
    expect(JSON.parse(fine.body)).toEqual({ status: 'ok' })
  })
})
