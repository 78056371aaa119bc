import { setTimeout as pause } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DashboardRestClient, startTestServer, type TestDatabaseTarget, type TestServer } from '../../src/testing.ts'
import { createThrowawayPostgres, throwawayPostgresUnavailable, type ThrowawayPostgres } from './throwaway-postgres.ts'
import { isTrpcErrorEnvelope, trpcQuery } from './trpc-over-http.ts'

const unavailable = throwawayPostgresUnavailable()
if (unavailable) console.warn(`\n⚠️  ⚠️  SKIPPING the database outage test: ${unavailable} ⚠️  ⚠️\n`)

type Phase = 'up' | 'stopping' | 'down' | 'starting' | 'back'
type Family = 'client' | 'dashboard'
interface Outcome {
  family: Family
  startPhase: Phase
  endPhase: Phase
  status?: number
  body?: unknown
  retryAfter?: string | null
  error?: string
}

const WORKERS = 3
const MAX_REQUESTS_PER_WORKER = 3_000
// A request unanswered this long counts as hung (connect_timeout is 5 s).
const REQUEST_TIMEOUT_MS = 10_000
const RECOVERY_DEADLINE_MS = 20_000
// Pacing, not waiting: keeps the load from starving a 2-core machine.
const PACE_MS = 5

// This test stops its own PostgreSQL server: a throwaway one, never the shared one.
const ownServer: TestDatabaseTarget = { name: 'postgres', create: () => Promise.reject(new Error('unused')) }

describe.skipIf(unavailable !== undefined)('PostgreSQL stopped mid-load and restarted', () => {
  let postgres: ThrowawayPostgres
  let server: TestServer
  beforeAll(async () => {
    postgres = await createThrowawayPostgres()
    // No key cache: every client request reaches the database, so the outage is felt.
    server = await startTestServer(ownServer, {
      databaseUrl: postgres.url,
      cache: { keys: 0 },
      database: { poolSize: 4 },
    })
  }, 180_000)
  afterAll(async () => {
    try {
      await server?.close()
    } finally {
      await postgres?.destroy()
    }
  })

  it('answers 503 in each family’s shape during the outage, never hangs, and recovers', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    const { key } = await client.createKey('outage')

    let phase: Phase = 'up'
    let done = false
    const outcomes: Outcome[] = []
    const send = async (family: Family): Promise<Outcome> => {
      const startPhase = phase
      const url = family === 'client' ? '/api/v1/client/users/me' : '/api/v1/dashboard/users/me/api-keys'
      const headers: Record<string, string> = family === 'client' ? { 'x-api-key': key } : { cookie: client.cookie }
      try {
        const res = await fetch(server.url + url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
        const body = await res.json().catch(() => undefined)
        return {
          family,
          startPhase,
          endPhase: phase,
          status: res.status,
          body,
          retryAfter: res.headers.get('retry-after'),
        }
      } catch (error) {
        return { family, startPhase, endPhase: phase, error: String(error) }
      }
    }
    const worker = async (index: number) => {
      for (let i = 0; i < MAX_REQUESTS_PER_WORKER && !done; i++) {
        outcomes.push(await send((i + index) % 2 === 0 ? 'client' : 'dashboard'))
        await pause(PACE_MS)
      }
    }
    const countWhere = (predicate: (o: Outcome) => boolean) => outcomes.filter(predicate).length
    const until = async (what: string, predicate: () => boolean, deadlineMs: number) => {
      const deadline = Date.now() + deadlineMs
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error(`not within ${deadlineMs} ms: ${what}`)
        await pause(20)
      }
    }

    const workers = Array.from({ length: WORKERS }, (_, i) => worker(i))
    try {
      await until('load running', () => countWhere((o) => o.status === 200) >= 2 * WORKERS, 30_000)

      phase = 'stopping'
      await postgres.stop()
      phase = 'down'
      const inOutage = (o: Outcome) => o.startPhase === 'down' && o.endPhase === 'down'
      await until(
        'requests during the outage',
        () => (['client', 'dashboard'] as const).every((f) => countWhere((o) => inOutage(o) && o.family === f) >= 10),
        30_000,
      )
      // Requests that do not need the database still work; readiness says the truth.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      expect((await fetch(`${server.url}/readyz`)).status).toBe(503)
      const login = await new DashboardRestClient(server.url).login(user.email, user.password)
      expect(login.status).toBe(503)
      expect(await login.json()).toEqual({ error: expect.any(String) })
      const viaTrpc = await trpcQuery(client, 'apiKeys.list')
      expect(viaTrpc.status).toBe(503)
      const envelope = await viaTrpc.json()
      expect(isTrpcErrorEnvelope(envelope) && envelope.error.data.code).toBe('SERVICE_UNAVAILABLE')

      phase = 'starting'
      await postgres.start()
      phase = 'back'
      const recovered = (f: Family) =>
        outcomes.some((o) => o.startPhase === 'back' && o.family === f && o.status === 200)
      await until(
        'serving again after the database returned',
        () => recovered('client') && recovered('dashboard'),
        RECOVERY_DEADLINE_MS,
      )
    } catch (error) {
      const summary = outcomes.map((o) => `${o.family}:${o.startPhase}->${o.endPhase}:${o.status ?? o.error}`)
      throw new Error(`${String(error)}\nlast outcomes:\n${summary.slice(-40).join('\n')}`)
    } finally {
      done = true
      await Promise.all(workers)
      // Whatever failed, the database must be back before the server closes (it flushes).
      if (phase !== 'back') await postgres.start().catch(() => {})
    }

    // No request hung or lost its connection, and none got anything but success or 503.
    expect(outcomes.filter((o) => o.error)).toEqual([])
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set([200, 503]))
    for (const o of outcomes.filter((x) => x.status === 503)) {
      expect(o.body).toEqual(o.family === 'client' ? { detail: expect.any(String) } : { error: expect.any(String) })
      expect(Number(o.retryAfter)).toBeGreaterThanOrEqual(1)
    }
    const duringOutage = outcomes.filter((o) => o.startPhase === 'down' && o.endPhase === 'down')
    expect(duringOutage.every((o) => o.status === 503)).toBe(true)
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })
})
