import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loggedInClient, startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'
import { rawRequest } from '../hardening/raw-http.ts'
import { isTrpcErrorEnvelope } from '../hardening/trpc-over-http.ts'

// Issue 10.1: a deeply nested body overflowed the stack inside the tRPC adapter (500).
const DEPTH = 4104
const nested = (open: string, close: string, depth = DEPTH) => open.repeat(depth) + close.repeat(depth)
const BODIES: Record<string, string> = {
  'nested arrays in a label': `{"label":${nested('[', ']')}}`,
  // Within the 16 KB body limit: 2,500 levels of objects.
  'nested objects': `${'{"":'.repeat(2500)}1${'}'.repeat(2500)}`,
  'a bare nested array': nested('[', ']'),
  'a batch of nested inputs': `{"0":${nested('[', ']', 3000)}}`,
}

const TRPC = '/api/v1/dashboard/trpc'
const ROUTES = [
  { path: `${TRPC}/apiKeys.create`, family: 'trpc' },
  { path: `${TRPC}/auth.login`, family: 'trpc' },
  { path: `${TRPC}/auth.login?batch=1`, family: 'trpc' },
  { path: `${TRPC}/auth.login,apiKeys.create?batch=1`, family: 'trpc' },
  { path: '/api/v1/dashboard/login', family: 'rest' },
  { path: '/api/v1/dashboard/users/me/api-keys', family: 'rest' },
  { path: '/api/v1/dashboard/users/me/password', family: 'rest' },
] as const

describe.each(testDatabaseTargets())('deeply nested JSON bodies ($name)', (target) => {
  let server: TestServer
  let cookie = ''
  beforeAll(async () => {
    server = await startTestServer(target)
    cookie = (await loggedInClient(server)).client.cookie
  })
  afterAll(() => server?.dispose())

  for (const session of [true, false]) {
    for (const [name, body] of Object.entries(BODIES)) {
      it(`answers ${name} with 400 in the family's shape on every route (${session ? 'with' : 'without'} a session)`, async () => {
        for (const route of ROUTES) {
          const res = await rawRequest(server.url + route.path, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(session ? { cookie } : {}) },
            body,
          })
          const label = `${route.path} ${res.status} ${res.body.slice(0, 200)}`
          expect(res.status, label).toBeLessThan(500)
          const json = JSON.parse(res.body) as unknown
          if (route.family === 'rest') {
            expect(res.status, label).toBe(400)
            expect(Object.keys(json as object), label).toEqual(['error'])
          } else {
            // One envelope, or one per call of a batch: every call refused, none run.
            const items = Array.isArray(json) ? json : [json]
            for (const item of items) expect(isTrpcErrorEnvelope(item), label).toBe(true)
            expect(res.status, label).toBe(400)
          }
        }
      })
    }
  }

  it('refuses a deeply nested tRPC query input in the envelope', async () => {
    const input = encodeURIComponent(nested('[', ']', 1000))
    const res = await rawRequest(`${server.url}${TRPC}/admin.listUsers?input=${input}`, {
      method: 'GET',
      headers: { cookie },
    })
    expect(res.status).toBe(400)
    expect(isTrpcErrorEnvelope(JSON.parse(res.body))).toBe(true)
  })

  it('refuses deep bodies whatever their encoding, and never answers 5xx', async () => {
    const deep = BODIES['nested arrays in a label']!
    const variants: { headers: Record<string, string>; body: string | Uint8Array }[] = [
      { headers: { 'content-encoding': 'gzip' }, body: gzipSync(deep) },
      { headers: { 'content-type': 'application/json; charset=utf-8' }, body: deep },
      { headers: { 'content-type': 'application/json; charset=utf-16' }, body: deep },
      { headers: {}, body: `\ufeff${deep}` },
    ]
    for (const route of ROUTES) {
      for (const variant of variants) {
        const res = await rawRequest(server.url + route.path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, ...variant.headers },
          body: variant.body,
        })
        expect(
          res.status,
          `${route.path} ${JSON.stringify(variant.headers)} ${res.body.slice(0, 120)}`,
        ).toBeGreaterThanOrEqual(400)
        expect(res.status, `${route.path} ${JSON.stringify(variant.headers)} ${res.body.slice(0, 120)}`).toBeLessThan(
          500,
        )
      }
    }
  })

  it('answers random deep mixtures of arrays and objects without a 5xx (property)', async () => {
    const shape = fc.array(fc.constantFrom('array', 'object', 'label'), { minLength: 33, maxLength: 3000 })
    await fc.assert(
      fc.asyncProperty(shape, fc.constantFrom(...ROUTES), async (levels, route) => {
        const open = levels.map((l) => (l === 'array' ? '[' : l === 'object' ? '{"a":' : '{"label":')).join('')
        const close = levels
          .map((l) => (l === 'array' ? ']' : '}'))
          .reverse()
          .join('')
        const res = await rawRequest(server.url + route.path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: `${open}1${close}`,
        })
        expect(res.status, `${route.path} depth ${levels.length}: ${res.body.slice(0, 120)}`).toBeLessThan(500)
        expect(() => JSON.parse(res.body) as unknown).not.toThrow()
      }),
      { numRuns: 40, seed: 10_1 },
    )
  })

  it('still answers ordinary nesting normally', async () => {
    const res = await rawRequest(`${server.url}${TRPC}/apiKeys.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ label: 'shallow' }),
    })
    expect(res.status).toBe(200)
  })
})
