import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import * as schema from './schema.ts'
import type { Database, Db } from './database.ts'
import { MIGRATIONS_FOLDER } from './migration-settings.ts'
import { makePrivateDirectory, restrictToOwner } from './owner-only.ts'

export interface EmbeddedDatabase extends Database {
  readonly kind: 'pglite'
  readonly pglite: PGlite
}

/**
 * Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when `dataDir` is undefined. The
 * directory and everything in it are made owner-only (0700/0600) on open and on close.
 */
export async function openPglite(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) {
    makePrivateDirectory(dataDir)
    restrictToOwner(dataDir)
  }
  const pglite = await PGlite.create(dataDir)
  const db = drizzle(pglite, { schema })
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  if (dataDir) restrictToOwner(dataDir)
  return {
    kind: 'pglite',
    pglite,
    db: db as unknown as Db,
    async listen(channel, onMessage, onReady) {
      const unsubscribe = await pglite.listen(channel, onMessage)
      onReady?.()
      return unsubscribe
    },
    async notify(channel, payload) {
      await pglite.query('select pg_notify($1, $2)', [channel, payload])
    },
    async ping() {
      await pglite.query('select 1')
    },
    async close() {
      if (pglite.closed) return
      await pglite.close()
      if (dataDir) restrictToOwner(dataDir)
    },
  }
}
