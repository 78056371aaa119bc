import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openPglite } from './pglite.ts'

/** Every entry under `dir` (itself included) whose mode is not 0700 (directories) or 0600 (files). */
function wrongModes(dir: string): string[] {
  const wrong: string[] = []
  const walk = (path: string) => {
    const stat = lstatSync(path)
    const mode = stat.mode & 0o7777
    if (stat.isDirectory()) {
      if (mode !== 0o700) wrong.push(`${path} ${mode.toString(8)}`)
      for (const name of readdirSync(path)) walk(join(path, name))
    } else if (!stat.isSymbolicLink() && mode !== 0o600) {
      wrong.push(`${path} ${mode.toString(8)}`)
    }
  }
  walk(dir)
  return wrong
}

// Issue 10 item 11: `.storra/data` was created 0755 with files 0666, WAL included.
// File modes are a property of the embedded database only: PostgreSQL keeps its own.
describe('the embedded data directory is readable by its owner only [pglite]', () => {
  const root = mkdtempSync(join(tmpdir(), 'storra-modes-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('creates directories 0700 and files 0600, before and after use', async () => {
    const dataDir = join(root, 'fresh', '.storra', 'data')
    const database = await openPglite(dataDir)
    try {
      expect(statSync(join(root, 'fresh', '.storra')).mode & 0o777).toBe(0o700)
      expect(wrongModes(dataDir)).toEqual([])
      await database.pglite.exec(`create table notes (body text); insert into notes values ('a password hash')`)
      // Files PGlite creates while open sit in a directory nobody else may enter.
      expect(statSync(dataDir).mode & 0o777).toBe(0o700)
    } finally {
      await database.close()
    }
    expect(wrongModes(dataDir)).toEqual([])
  })

  it('repairs the modes of a directory left open to everyone', async () => {
    const dataDir = join(root, 'old')
    await (await openPglite(dataDir)).close()
    const loosen = (path: string) => {
      const stat = lstatSync(path)
      chmodSync(path, stat.isDirectory() ? 0o755 : 0o666)
      if (stat.isDirectory()) for (const name of readdirSync(path)) loosen(join(path, name))
    }
    loosen(dataDir)
    expect(wrongModes(dataDir).length).toBeGreaterThan(100)

    const database = await openPglite(dataDir)
    try {
      expect(wrongModes(dataDir)).toEqual([])
      expect((await database.pglite.query<{ n: number }>('select 1 as n')).rows[0]?.n).toBe(1)
    } finally {
      await database.close()
    }
  })
})
