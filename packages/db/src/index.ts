import type { Database } from './database.ts'
import { openPglite } from './pglite.ts'
import { openPostgres } from './postgres.ts'

export * from './database.ts'
export * as schema from './schema.ts'
export { apiKeys, loginThrottle, sessions, users, type ApiKeyRow, type UserRow } from './schema.ts'
export { openPglite, type EmbeddedDatabase } from './pglite.ts'
export { isDatabaseUnavailable, isUniqueViolation } from './errors.ts'
export { openPostgres } from './postgres.ts'

export interface DatabaseConfig {
  /** PostgreSQL connection string; when unset, the embedded database is used. */
  url?: string
  /** Where the embedded database keeps its files; undefined with no url means in memory. */
  dataDir?: string
  maxConnections?: number
  statementTimeoutMs?: number
}

/** Opens real PostgreSQL when `url` is set, else embedded PGlite, and applies pending migrations. */
export async function createDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    return openPostgres({
      url: config.url,
      maxConnections: config.maxConnections,
      statementTimeoutMs: config.statementTimeoutMs,
    })
  }
  return openPglite(config.dataDir)
}
