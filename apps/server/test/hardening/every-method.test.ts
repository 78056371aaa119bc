import { METHODS } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DashboardRestClient, startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'
import { rawRequest } from './raw-http.ts'
import { isTrpcErrorEnvelope } from './trpc-over-http.ts'

// Issue 17 item 1: every method Node parses, on every kind of path, gets the route's normal
// answer or 405 with `Allow`, in the family's shape; never a 500. CONNECT has its own test
// (protocol-errors.test.ts): Node routes it around the app.
const EVERY_METHOD = METHODS.filter((method) => method !== 'CONNECT')

const PATHS = [
  '/api/v1/dashboard/trpc/auth.me',
  '/api/v1/dashboard/trpc/apiKeys.create',
  '/api/v1/dashboard/trpc/apiKeys.list,auth.me?batch=1',
  '/api/v1/dashboard/users/me',
  '/api/v1/dashboard/users/me/api-keys',
  '/api/v1/dashboard/login',
  '/api/v1/dashboard/nope',
  '/api/v1/client/users/me',
  '/api/v1/client/nope',
  '/healthz',
  '/readyz',
  '/metrics',
]

function familyShapeOk(path: string, body: unknown): boolean {
  // A batch answers with one envelope per call, or one for the whole request.
  if (path.startsWith('/api/v1/dashboard/trpc'))
    return Array.isArray(body) ? body.every(isTrpcErrorEnvelope) : isTrpcErrorEnvelope(body)
  const field = path.startsWith('/api/v1/client') ? 'detail' : 'error'
  const record = body as Record<string, unknown>
  return Object.keys(record).length === 1 && record[field] !== undefined
}

const [pglite] = testDatabaseTargets()

describe('every method on every path', () => {
  let server: TestServer
  let cookie: string
  beforeAll(async () => {
    server = await startTestServer(pglite!)
    const user = await server.createUser({ plan: 'pro' })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    cookie = client.cookie
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('answers TRACE on a tRPC path with 405, Allow and the tRPC envelope (no session needed)', async () => {
    const res = await rawRequest(server.url + '/api/v1/dashboard/trpc/auth.me', { method: 'TRACE' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD, POST')
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    const body = JSON.parse(res.body)
    expect(isTrpcErrorEnvelope(body)).toBe(true)
    expect(body.error.data.code).toBe('METHOD_NOT_SUPPORTED')
  })

  it('answers health and metrics paths with 405 and Allow for other methods', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const res = await rawRequest(server.url + path, { method: 'DELETE' })
      expect(res.status).toBe(405)
      expect(res.headers.allow).toBe('GET, HEAD')
      expect(JSON.parse(res.body)).toEqual({ error: 'Method Not Allowed' })
    }
  })

  for (const signedIn of [false, true]) {
    it(`never answers 5xx, and answers 405 only with Allow, ${signedIn ? 'with' : 'without'} a session`, async () => {
      const failures: string[] = []
      for (const path of PATHS) {
        for (const method of EVERY_METHOD) {
          const res = await rawRequest(server.url + path, { method, headers: signedIn ? { cookie } : {} })
          const where = `${method} ${path} → ${res.status} ${res.body.slice(0, 120)}`
          if (res.status >= 500) failures.push(`5xx: ${where}`)
          if (res.status === 405 && !res.headers.allow) failures.push(`405 without Allow: ${where}`)
          if (res.status >= 400 && method !== 'HEAD') {
            let body: unknown
            try {
              body = JSON.parse(res.body)
            } catch {
              failures.push(`not JSON: ${where}`)
              continue
            }
            if (!familyShapeOk(path, body)) failures.push(`wrong shape: ${where}`)
          }
        }
      }
      expect(failures).toEqual([])
    })
  }
})
