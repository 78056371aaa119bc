import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createServices, createUser } from '@storra/api'
import { openPglite } from '@storra/db'
import { freePort } from '../src/testing.ts'
import { spawnEntry } from './entry-process.ts'

/** Starts the real entry, waits for its banner, stops it; resolves with what it printed. */
async function bannerOf(dataDir: string): Promise<string> {
  const entry = spawnEntry({ dataDir, port: await freePort() })
  try {
    await entry.ready()
    while (!entry.stdout().includes('Storra is running'))
      await new Promise((resolve) => entry.child.stdout!.once('data', resolve))
    process.kill(-entry.child.pid!, 'SIGTERM')
    await entry.exited
    return entry.stdout()
  } finally {
    entry.kill()
  }
}

// Issue 10 item 16: the first-run banner and a busy port, as a newcomer meets them.
describe('npm start tells the newcomer what to do next [pglite]', () => {
  const root = mkdtempSync(join(tmpdir(), 'storra-banner-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('asks for the first account only while there is none', async () => {
    const dataDir = join(root, 'data')
    expect(await bannerOf(dataDir)).toContain('Create the first account')

    const database = await openPglite(dataDir)
    try {
      await createUser(createServices(database), {
        email: 'first@example.com',
        password: 'a long enough password',
        plan: 'pro',
      })
    } finally {
      await database.close()
    }
    const second = await bannerOf(dataDir)
    expect(second).toContain('Storra is running')
    expect(second).not.toContain('Create the first account')
  }, 120_000)

  it('a busy port names the port and how to pick another, exits 1, no stack trace', async () => {
    const busy = createServer()
    const port = await new Promise<number>((resolve) =>
      busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)),
    )
    const entry = spawnEntry({ dataDir: join(root, 'busy'), port })
    try {
      const { code } = await entry.exited
      expect(code).toBe(1)
      expect(entry.stderr()).toContain(`Port ${port} on 127.0.0.1 is already in use`)
      expect(entry.stderr()).toContain(`PORT=${port + 1} npm start`)
      expect(entry.stderr()).not.toMatch(/\n\s+at /)
      expect(entry.stderr()).not.toContain('EADDRINUSE')
    } finally {
      entry.kill()
      busy.close()
    }
  }, 120_000)
})
