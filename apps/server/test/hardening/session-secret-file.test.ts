import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadOrCreateSessionSecret } from '../../src/dashboard/session-secret.ts'
import { startTestServer, testDatabaseTargets } from '../../src/testing.ts'

// Issue 10 item 11: the generated session secret seals every session cookie.
describe('the generated session secret file is readable by its owner only [pglite]', () => {
  const root = mkdtempSync(join(tmpdir(), 'storra-secret-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('a server without SESSION_SECRET writes it 0600 in a 0700 directory', async () => {
    const server = await startTestServer(testDatabaseTargets()[0]!, { session: { secret: undefined } })
    try {
      expect(statSync(join(server.dataDir, 'session-secret')).mode & 0o777).toBe(0o600)
      expect(statSync(server.dataDir).mode & 0o777).toBe(0o700)
    } finally {
      await server.dispose()
    }
  })

  it('repairs the mode of an existing secret file and keeps its value', () => {
    const dataDir = join(root, 'new', 'data')
    const created = loadOrCreateSessionSecret(dataDir)
    expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    const file = join(dataDir, 'session-secret')
    chmodSync(file, 0o644)
    expect(loadOrCreateSessionSecret(dataDir)).toBe(created)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })
})
