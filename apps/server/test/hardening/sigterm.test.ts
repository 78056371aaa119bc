import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as pause } from 'node:timers/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { createServices, createUser } from '@storra/api'
import { openPglite, openPostgres, type Database } from '@storra/db'
import { createFreshPostgresDatabase, TEST_DATABASE_URL } from '@storra/db/testing'
import { childEnv } from '../../src/testing/env.ts'
import { DashboardRestClient, freePort } from '../../src/testing.ts'
import { rawRequest } from './raw-http.ts'
import { selectRows } from './database-rows.ts'

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))
const WORKERS = 4
const REQUESTS_BEFORE_SIGTERM = 60
const MAX_REQUESTS_PER_WORKER = 500
const PASSWORD = 'graceful shutdown password'

type Outcome = { kind: 'answered'; status: number } | { kind: 'refused' } | { kind: 'broken'; error: string }

// A real PostgreSQL database when there is one, else an embedded data directory: either way
// the test reads it after the process has gone.
const adminUrl = TEST_DATABASE_URL

describe(`SIGTERM under load (${adminUrl ? 'postgres' : 'pglite'})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'storra-sigterm-'))
  let drop: (() => Promise<void>) | undefined
  afterAll(async () => {
    await drop?.()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function withDatabase<T>(databaseUrl: string | undefined, use: (database: Database) => Promise<T>): Promise<T> {
    const database = databaseUrl ? await openPostgres({ url: databaseUrl }) : await openPglite(dataDir)
    try {
      return await use(database)
    } finally {
      await database.close()
    }
  }

  it('finishes in-flight requests, flushes last_used and usage counts, closes the database and exits 0', async () => {
    let databaseUrl: string | undefined
    if (adminUrl) ({ url: databaseUrl, drop } = await createFreshPostgresDatabase(adminUrl))
    const email = 'sigterm@example.com'
    await withDatabase(databaseUrl, (database) =>
      createUser(createServices(database), { email, password: PASSWORD, plan: 'pro' }),
    )

    const port = await freePort()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: SERVER_DIR,
      env: childEnv({
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl ?? '',
        STORRA_DATA_DIR: dataDir,
        SESSION_SECRET: 'sigterm-test-secret-that-is-long-enough',
        STORRA_KEY_RATE_LIMIT: '0',
        LOG_LEVEL: 'info',
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    )
    const baseUrl = `http://127.0.0.1:${port}`

    try {
      const deadline = Date.now() + 90_000
      while (
        !(await fetch(`${baseUrl}/healthz`).then(
          (r) => r.ok,
          () => false,
        ))
      ) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${output}`)
        await pause(100)
      }

      const client = new DashboardRestClient(baseUrl)
      expect((await client.login(email, PASSWORD)).status).toBe(200)
      const keys = [await client.createKey('a'), await client.createKey('b'), await client.createKey('c')]
      // First uses are written at once; later ones wait in memory for the next flush.
      for (const { key } of keys)
        expect((await fetch(`${baseUrl}/api/v1/client/users/me`, { headers: { 'x-api-key': key } })).status).toBe(200)
      const afterFirstUses = new Date()
      // Client requests answered 200: each must be counted once in api_key_usage, none lost at exit.
      let clientOk = keys.length
      await pause(5) // so that the later uses carry strictly later times

      // One connection per request (no keep-alive): refusal after close is then unambiguous.
      const send = async (i: number): Promise<Outcome> => {
        const request =
          i % 4 === 3
            ? rawRequest(`${baseUrl}/api/v1/dashboard/login`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ email, password: PASSWORD }),
              })
            : rawRequest(`${baseUrl}/api/v1/client/users/me`, {
                method: 'GET',
                headers: { 'x-api-key': keys[i % keys.length]!.key },
              })
        try {
          const { status } = await request
          if (status === 200 && i % 4 !== 3) clientOk++
          return { kind: 'answered', status }
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          return code === 'ECONNREFUSED'
            ? { kind: 'refused' }
            : { kind: 'broken', error: `${code ?? ''} ${String(error)}` }
        }
      }
      // Requests are sorted by whether they started before SIGTERM was sent (in flight or
      // accepted: they must be answered in full) or after (the listener may be gone: refused).
      const before: Outcome[] = []
      const after: Outcome[] = []
      let answered = 0
      let signalled = false
      let inFlight = 0
      let inFlightAtSignal = 0
      const worker = async (w: number) => {
        for (let i = 0; i < MAX_REQUESTS_PER_WORKER; i++) {
          const startedBeforeSignal = !signalled
          inFlight++
          const outcome = await send(i + w)
          inFlight--
          ;(startedBeforeSignal ? before : after).push(outcome)
          if (outcome.kind === 'answered' && ++answered === REQUESTS_BEFORE_SIGTERM) {
            signalled = true
            inFlightAtSignal = inFlight
            child.kill('SIGTERM')
          }
          if (outcome.kind !== 'answered') return
        }
      }
      await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)))
      expect(signalled).toBe(true)

      const exit = await Promise.race([exited, pause(30_000).then(() => ({ code: -1, signal: null }))])
      expect(exit, output).toEqual({ code: 0, signal: null })
      expect(output).toContain('stopped cleanly')

      // Everything sent before the signal, in flight at that moment included, got its whole answer.
      expect(inFlightAtSignal).toBeGreaterThan(0)
      expect(before.filter((o) => o.kind !== 'answered')).toEqual([])
      expect(before.every((o) => o.kind === 'answered' && o.status === 200)).toBe(true)
      // After it, the server stopped accepting. A connection racing the listener's close may be
      // reset by the kernel before the server ever saw it; one that was answered was answered fully.
      expect(after.some((o) => o.kind === 'refused')).toBe(true)
      for (const o of after) {
        if (o.kind === 'answered') expect(o.status).toBe(200)
        if (o.kind === 'broken') expect(o.error).toMatch(/ECONNRESET/)
      }

      const [rows, usage] = await withDatabase(databaseUrl, async (database) => [
        await selectRows(database, 'select prefix, last_used from api_keys'),
        await selectRows(
          database,
          'select coalesce(sum(ok), 0)::int as ok, coalesce(sum(rate_limited + revoked), 0)::int as other from api_key_usage',
        ),
      ])
      expect(usage).toEqual([{ ok: clientOk, other: 0 }])
      expect(rows).toHaveLength(keys.length)
      for (const row of rows) {
        // Written at shutdown: later than the first use, which was written at once.
        expect(new Date(row.last_used as string | Date).getTime(), String(row.prefix)).toBeGreaterThan(
          afterFirstUses.getTime(),
        )
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exited
      }
    }
  })
})
