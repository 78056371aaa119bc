import type { Database } from './database.ts'
import type { EmbeddedDatabase } from './pglite.ts'
import { openPostgres } from './postgres.ts'

export * from './database.ts'
export * as schema from './schema.ts'
export {
  apiKeys,
  apiKeyUsage,
  auditEvents,
  loginThrottle,
  sessions,
  users,
  type ApiKeyRow,
  type AuditEventRow,
  passwordResetTokens,
  processedStripeEvents,
  type UserRow,
} from './schema.ts'
export type { EmbeddedDatabase } from './pglite.ts'
export { makePrivateDirectory, PRIVATE_FILE_MODE } from './owner-only.ts'
export { isDatabaseUnavailable, isUniqueViolation } from './errors.ts'
export { openPostgres } from './postgres.ts'

/**
 * Embedded PostgreSQL (PGlite) in `dataDir`, or in memory when `dataDir` is undefined; see
 * `./pglite.ts`. Loaded on first use: PGlite is the largest module here, and a CLI call that
 * reaches a running server through its socket, or a PostgreSQL deployment, never needs it.
 */
export async function openPglite(dataDir?: string): Promise<EmbeddedDatabase> {
  const { openPglite: open } = await import('./pglite.ts')
  return open(dataDir)
}

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
