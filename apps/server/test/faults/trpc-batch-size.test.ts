import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_TRPC_BATCH_SIZE } from '@storra/core'
import {
  DashboardRestClient,
  loggedInClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
} from '../../src/testing.ts'
import { isTrpcErrorEnvelope } from '../hardening/trpc-over-http.ts'

// Issue 10.4: a batch of 1,175 calls (or 8,000 commas) was served whole. Above the cap, the
// batch is one 400 in tRPC's envelope and no procedure runs.
const TRPC = '/api/v1/dashboard/trpc'

describe.each(testDatabaseTargets())('tRPC batch size ($name)', (target) => {
  let server: TestServer
  let client: DashboardRestClient
  beforeAll(async () => {
    server = await startTestServer(target)
    ;({ client } = await loggedInClient(server))
  })
  afterAll(() => server?.dispose())

  const batch = (path: string, count: number) => Array.from({ length: count }, () => path).join(',')

  it('serves a batch of the maximum size', async () => {
    const res = await client.request('GET', `${TRPC}/${batch('apiKeys.list', MAX_TRPC_BATCH_SIZE)}?batch=1`)
    expect(res.status).toBe(200)
    expect(((await readJson(res)) as unknown[]).length).toBe(MAX_TRPC_BATCH_SIZE)
  })

  for (const [name, path, session] of [
    ['one call too many', batch('apiKeys.list', MAX_TRPC_BATCH_SIZE + 1), true],
    ['the reported 1,175 calls', batch('apiKeys.list', 1175), true],
    ['8,000 commas without a session', ','.repeat(8000), false],
  ] as const) {
    it(`answers ${name} with one 400 in the tRPC envelope`, async () => {
      const res = await fetch(`${server.url}${TRPC}/${path}?batch=1`, {
        headers: session ? { cookie: client.cookie } : {},
      })
      expect(res.status).toBe(400)
      const body = await readJson(res)
      expect(isTrpcErrorEnvelope(body)).toBe(true)
      expect(body.error.data.code).toBe('BAD_REQUEST')
    })
  }

  it('refuses an oversized mutation batch before any call runs', async () => {
    const input = Object.fromEntries(
      Array.from({ length: MAX_TRPC_BATCH_SIZE + 1 }, (_, i) => [i, { label: `batch ${i}` }]),
    )
    const res = await client.request(
      'POST',
      `${TRPC}/${batch('apiKeys.create', MAX_TRPC_BATCH_SIZE + 1)}?batch=1`,
      input,
    )
    expect(res.status).toBe(400)
    expect(isTrpcErrorEnvelope(await readJson(res))).toBe(true)
    const keys = (await readJson(await client.request('GET', '/api/v1/dashboard/users/me/api-keys'))) as {
      label: string
    }[]
    expect(keys.filter((k) => k.label.startsWith('batch '))).toEqual([])
  })
})
