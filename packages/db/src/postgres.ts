import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import * as schema from './schema.ts'
import type { Database, Db } from './database.ts'
import { MIGRATION_LOCK_ID, MIGRATIONS_FOLDER } from './migration-settings.ts'

export interface PostgresOptions {
  url?: string
  /** Unix socket path (used by the CLI to reach a running server's embedded database). */
  socketPath?: string
  maxConnections?: number
  /** Seconds before an attempt to connect gives up, so requests fail fast while the database is down. */
  connectTimeoutSeconds?: number
  statementTimeoutMs?: number
  migrate?: boolean
}

/**
 * Wait before reconnecting after failed attempts. postgres.js's default grows to 20 s, and
 * queued queries wait it out: during an outage requests would hang for up to 20 s before
 * their 503, and after it the service would stay down that long. Capped at 1 s instead.
 */
function reconnectDelaySeconds(retries: number): number {
  return (0.5 + Math.random() / 2) * Math.min(3 ** retries / 100, 1)
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const config = {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    idle_timeout: 60,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
    connection: {
      application_name: 'storra',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  }
  const client = options.socketPath
    ? postgres({ ...config, path: options.socketPath, database: 'postgres', username: 'postgres' })
    : postgres(options.url!, config)

  if (options.migrate !== false && options.url) await migrateWithLock(options.url)

  const db = drizzle(client, { schema }) as unknown as Db
  return {
    kind: 'postgres',
    db,
    async listen(channel, onMessage, onReady) {
      const subscription = await client.listen(channel, onMessage, onReady)
      return () => subscription.unlisten()
    },
    async notify(channel, payload) {
      await client.notify(channel, payload)
    },
    async ping() {
      await client`select 1`
    },
    async close() {
      await client.end({ timeout: 5 })
    },
  }
}

// One connection holds an advisory lock so several instances booting at once do not race.
async function migrateWithLock(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER })
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`
  } finally {
    await client.end({ timeout: 5 })
  }
}
