import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_MESSAGES } from '@storra/core'
import {
  callClientApi,
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
} from '../../src/testing.ts'
import { isTrpcErrorEnvelope, trpcMutation } from '../hardening/trpc-over-http.ts'

// Issue 10.6: 50 concurrent logins ran 50 argon2 hashes at once and stalled /healthz. Hashing
// now waits in a bounded queue; past it, logins get 503 with Retry-After at once. The test
// holds the only hashing slot itself (a job of its own in the server's real queue), so which
// logins wait and which are refused does not depend on timing.
const CONCURRENCY = 1
const MAX_QUEUED = 3
const STORM = 50

/** A job that occupies one hashing slot until `release()` is called. */
function holdSlot(server: TestServer): { release(): void; done: Promise<unknown> } {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  return { release, done: server.services.passwordWork.run(() => gate) }
}

describe.each(testDatabaseTargets())('bounded password hashing ($name)', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, {
      limits: {
        passwordWork: { concurrency: CONCURRENCY, maxQueued: MAX_QUEUED, maxWaitMs: 600_000 },
        // Throttling is not what this test is about: 50 attempts from one IP must all reach the queue.
        login: { failuresPerEmail: 1000, failuresPerIp: 1000, windowSeconds: 60 },
      },
    })
  })
  afterAll(() => server?.dispose())

  it('queues a bounded number of logins, refuses the rest with 503 + Retry-After, and keeps answering health checks', async () => {
    const slot = holdSlot(server)
    const settled = new Set<number>()
    const storm = Array.from({ length: STORM }, (_, i) =>
      new DashboardRestClient(server.url).login(`nobody-${i}@example.com`, 'some password here').then((res) => {
        settled.add(i)
        return res
      }),
    )
    // Exactly STORM - MAX_QUEUED answers come while the slot is held: the refusals.
    const refused: Response[] = []
    const waiting = new Set(storm)
    while (refused.length < STORM - MAX_QUEUED) {
      const next = await Promise.race([...waiting].map((p) => p.then((res) => ({ p, res }))))
      waiting.delete(next.p)
      refused.push(next.res)
    }
    for (const res of refused) {
      expect(res.status).toBe(503)
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(await readJson(res)).toEqual({ error: DASHBOARD_MESSAGES.passwordWorkBusy })
    }
    expect(server.services.passwordWork.load).toEqual({ active: CONCURRENCY, queued: MAX_QUEUED })

    // During the storm: health checks, the client API and a tRPC refusal all answer.
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect((await callClientApi(server.url, 'sk_not_a_real_key')).status).toBe(401)
    const trpc = await trpcMutation(new DashboardRestClient(server.url), 'auth.login', {
      email: 'x@example.com',
      password: 'some password here',
    })
    expect(trpc.status).toBe(503)
    expect(trpc.headers.get('retry-after')).toBe('1')
    expect(isTrpcErrorEnvelope(await readJson(trpc))).toBe(true)
    // ...and the queued logins are still waiting: the health check finished before the storm.
    expect(settled.size).toBe(STORM - MAX_QUEUED)

    slot.release()
    await slot.done
    const queued = await Promise.all([...waiting])
    expect(queued.map((r) => r.status)).toEqual(Array.from({ length: MAX_QUEUED }, () => 401))
    expect(server.services.passwordWork.load).toEqual({ active: 0, queued: 0 })
  })

  it('refuses a login that waited longer than the bound', async () => {
    const impatient = await startTestServer(target, {
      limits: { passwordWork: { concurrency: 1, maxQueued: 5, maxWaitMs: 50 } },
    })
    try {
      const slot = holdSlot(impatient)
      const res = await new DashboardRestClient(impatient.url).login('nobody@example.com', 'some password here')
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('1')
      slot.release()
      await slot.done
      expect(
        (await new DashboardRestClient(impatient.url).login('nobody@example.com', 'some password here')).status,
      ).toBe(401)
    } finally {
      await impatient.dispose()
    }
  })
})
