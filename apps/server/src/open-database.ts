import { createDatabase, openPglite, openPostgres, type Database } from '@storra/db'
import {
  DataDirectoryInUseError,
  embeddedSocketPath,
  isSocketServed,
  shareEmbeddedDatabase,
} from './embedded-socket.ts'

export interface OpenedDatabase {
  database: Database
  /** Stops sharing and closes the database. */
  close(): Promise<void>
}

export interface OpenDatabaseOptions {
  url?: string
  dataDir: string
  poolSize?: number
  /** The server shares its embedded database; the CLI does not. */
  share: boolean
  /** Called after each statement another process ran through the shared socket. */
  onExternalStatement?: () => void
}

/**
 * Real PostgreSQL when a URL is given. Otherwise the embedded database in `dataDir`: the
 * server opens it and shares it; the CLI goes through a running server's socket, or opens
 * the directory itself when no server runs.
 */
export async function openServiceDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.url) {
    const database = await createDatabase({
      url: options.url,
      maxConnections: options.poolSize,
      statementTimeoutMs: 10_000,
    })
    return { database, close: () => database.close() }
  }
  const socketPath = embeddedSocketPath(options.dataDir)
  if (await isSocketServed(socketPath)) {
    if (options.share) throw new DataDirectoryInUseError(options.dataDir)
    const database = await openPostgres({ socketPath, maxConnections: 1, migrate: false })
    return { database, close: () => database.close() }
  }
  const database = await openPglite(options.dataDir)
  if (!options.share) return { database, close: () => database.close() }
  const sharing = await shareEmbeddedDatabase(database, options.dataDir, () => options.onExternalStatement?.())
  return {
    database,
    async close() {
      await sharing.stop()
      await database.close()
    },
  }
}
