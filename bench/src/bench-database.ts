import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPglite, openPostgres } from '@storra/db'
import { createFreshPostgresDatabase } from '@storra/db/testing'
import { seedDatabase, type SeededData } from './seed.ts'

export type DatabaseKind = 'postgres' | 'pglite'

export interface BenchDatabase {
  kind: DatabaseKind
  scale: number
  seeded: SeededData
  /** What the server under test is started with. */
  serverEnv: Record<string, string>
  /** Only the bench's own fresh database or temporary directory is removed. */
  remove(): Promise<void>
}

/** A fresh database (a new PostgreSQL database, or PGlite in a temporary directory), seeded and closed. */
export async function prepareDatabase(kind: DatabaseKind, scale: number, adminUrl: string): Promise<BenchDatabase> {
  if (kind === 'postgres') {
    const fresh = await createFreshPostgresDatabase(adminUrl)
    try {
      // One connection: the bulk load is one statement anyway.
      const database = await openPostgres({ url: fresh.url, maxConnections: 1 })
      const seeded = await seedDatabase(database, scale).finally(() => database.close())
      return { kind, scale, seeded, serverEnv: { DATABASE_URL: fresh.url }, remove: fresh.drop }
    } catch (error) {
      await fresh.drop()
      throw error
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'storra-bench-pglite-'))
  const remove = () => rm(dataDir, { recursive: true, force: true })
  try {
    const database = await openPglite(dataDir)
    const seeded = await seedDatabase(database, scale).finally(() => database.close())
    return { kind, scale, seeded, serverEnv: { STORRA_DATA_DIR: dataDir }, remove }
  } catch (error) {
    await remove()
    throw error
  }
}
