import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { freePort } from '../../src/testing.ts'
import { spawnEntry, type EntryProcess } from '../entry-process.ts'

/** Enough logged requests to fill a pipe (64 KB) and the reading side's buffer many times. */
async function fillStdout(url: string) {
  const long = 'x'.repeat(4000)
  for (let round = 0; round < 10; round++) {
    await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${url}/api/v1/client/${long}`).then((r) => r.arrayBuffer())),
    )
  }
}

/**
 * Runs the real entry with a stdout nobody reads, fills it, sends SIGTERM to the process group
 * and waits for the exit. The deadline is the process's own (25 s, then a watchdog thread);
 * the test timeout only bounds a hang.
 */
async function sigtermWith(nodeEnv: 'development' | 'production', stdout: (entry: EntryProcess) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'storra-shutdown-'))
  const entry = spawnEntry({
    dataDir,
    port: await freePort(),
    readStdout: false,
    env: { NODE_ENV: nodeEnv, SESSION_SECRET: 'shutdown-test-secret-of-at-least-32-characters' },
  })
  try {
    await entry.ready()
    stdout(entry)
    await fillStdout(entry.url)
    expect((await fetch(`${entry.url}/healthz`)).status).toBe(200)
    process.kill(-entry.child.pid!, 'SIGTERM')
    const { code, signal } = await entry.exited
    expect(entry.stderr()).not.toMatch(/\n\s+at /)
    expect({ code, signal }).toEqual({ code: 0, signal: null })
  } finally {
    entry.kill()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('SIGTERM ends the process within its deadline whatever stdout does (issue 10 item 10)', () => {
  // Production prints no banner, so nothing but the logger touches stdout.
  it('with a stdout reader that never reads', () => sigtermWith('production', () => {}), 90_000)

  it(
    'with a stdout reader that has gone away',
    () => sigtermWith('development', (entry) => entry.child.stdout!.destroy()),
    90_000,
  )
})
