import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { freePort } from '../../src/testing.ts'

const serverDir = fileURLToPath(new URL('../..', import.meta.url))

interface Started {
  child: ChildProcess
  url: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stderr: () => string
}

/**
 * The real entry (`src/index.ts`, what `npm start` runs) in its own process group, its stdout
 * a pipe this test never reads. Resolves once /healthz answers. The deadline the tests rely
 * on is the process's own (25 s, then a watchdog); the test timeout only bounds a hang.
 */
async function startEntry(dataDir: string, nodeEnv: 'development' | 'production'): Promise<Started> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', STORRA_DATA_DIR: dataDir, NODE_ENV: nodeEnv, SESSION_SECRET: 'shutdown-test-secret-of-at-least-32-characters', LOG_LEVEL: 'info', INIT_CWD: serverDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const url = `http://127.0.0.1:${port}`
  let ready = false
  while (!ready) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early: ${stderr}`)
    ready = await fetch(`${url}/healthz`).then((r) => r.ok, () => false)
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { child, url, exited, stderr: () => stderr }
}

/** Enough logged requests to fill a pipe (64 KB) and the reading side's buffer many times. */
async function fillStdout(url: string) {
  const long = 'x'.repeat(4000)
  for (let round = 0; round < 10; round++) {
    await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/api/v1/client/${long}`).then((r) => r.arrayBuffer())))
  }
}

describe('SIGTERM ends the process within its deadline whatever stdout does (issue 10 item 10)', () => {
  const cleanup: (() => void)[] = []
  afterEach(() => {
    for (const step of cleanup.splice(0)) step()
  })

  function track(started: Started, dataDir: string) {
    cleanup.push(() => {
      try {
        if (started.child.exitCode === null && started.child.signalCode === null) process.kill(-started.child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
      rmSync(dataDir, { recursive: true, force: true })
    })
  }

  // Production prints no banner, so nothing but the logger touches stdout.
  it('with a stdout reader that never reads', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storra-shutdown-'))
    const started = await startEntry(dataDir, 'production')
    track(started, dataDir)
    await fillStdout(started.url)
    process.kill(-started.child.pid!, 'SIGTERM')
    const { code, signal } = await started.exited
    expect(started.stderr()).not.toMatch(/\n\s+at /)
    expect({ code, signal }).toEqual({ code: 0, signal: null })
  }, 90_000)

  it('with a stdout reader that has gone away', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'storra-shutdown-'))
    const started = await startEntry(dataDir, 'development')
    track(started, dataDir)
    started.child.stdout!.destroy()
    await fillStdout(started.url)
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200)
    process.kill(-started.child.pid!, 'SIGTERM')
    const { code, signal } = await started.exited
    expect(started.stderr()).not.toMatch(/\n\s+at /)
    expect({ code, signal }).toEqual({ code: 0, signal: null })
  }, 90_000)
})
