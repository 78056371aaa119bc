import { afterAll, beforeAll, expect, it } from 'vitest'
import { keyLimitMessage } from '@storra/core'
import { DashboardRestClient, callClientApi, startTestServer, type TestServer } from '../../src/testing.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const MAX_ACTIVE_KEYS = 10
const PARALLEL_CREATES = 50
const USE_WORKERS = 4
const USES_AFTER_REVOKE_PER_WORKER = 15
const MAX_USES_PER_WORKER = 400

describeEachDatabase('concurrency', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: { maxActiveKeys: MAX_ACTIVE_KEYS } })
  })
  afterAll(async () => {
    await server?.dispose()
  })

  async function signedIn(): Promise<DashboardRestClient> {
    const user = await server.createUser({ plan: 'pro' })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    return client
  }

  it(`holds the active-key limit exactly under ${PARALLEL_CREATES} parallel creates by one account`, async () => {
    const client = await signedIn()
    const responses = await Promise.all(
      Array.from({ length: PARALLEL_CREATES }, (_, i) =>
        client.request('POST', '/api/v1/dashboard/users/me/api-keys', { label: `parallel ${i}` }),
      ),
    )
    const statuses = responses.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_ACTIVE_KEYS)
    expect(statuses.filter((s) => s === 409)).toHaveLength(PARALLEL_CREATES - MAX_ACTIVE_KEYS)
    for (const res of responses.filter((r) => r.status === 409))
      expect(await res.json()).toEqual({ error: keyLimitMessage(MAX_ACTIVE_KEYS) })
    const list = await client.request('GET', '/api/v1/dashboard/users/me/api-keys')
    expect(((await list.json()) as unknown[]).length).toBe(MAX_ACTIVE_KEYS)
  })

  it('no use that starts after the revoke response succeeds', async () => {
    const client = await signedIn()
    const { key, prefix } = await client.createKey('revoked under load')
    // Warm the verifier's cache: the revoke must also beat cached answers.
    expect((await callClientApi(server.url, key)).status).toBe(200)

    let revokeAnswered = false
    const afterRevoke: number[] = []
    let beforeRevoke = 0
    const worker = async () => {
      let sinceRevoke = 0
      for (let i = 0; i < MAX_USES_PER_WORKER && sinceRevoke < USES_AFTER_REVOKE_PER_WORKER; i++) {
        const startedAfterRevoke = revokeAnswered
        const res = await callClientApi(server.url, key)
        await res.arrayBuffer()
        if (startedAfterRevoke) {
          afterRevoke.push(res.status)
          sinceRevoke++
        } else {
          expect([200, 401]).toContain(res.status)
          beforeRevoke++
        }
      }
    }
    const workers = Array.from({ length: USE_WORKERS }, worker)
    // Let the workers get going, then revoke while they hammer the key.
    while (beforeRevoke < 2 * USE_WORKERS) await new Promise((resolve) => setImmediate(resolve))
    const revoke = await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${prefix}`)
    revokeAnswered = true
    expect(revoke.status).toBe(200)
    await Promise.all(workers)

    expect(afterRevoke).toHaveLength(USE_WORKERS * USES_AFTER_REVOKE_PER_WORKER)
    expect(afterRevoke.every((status) => status === 401)).toBe(true)
  })
})
