import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema.ts'

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>

type DatabaseKind = 'postgres' | 'pglite'

/** A Storra database: the drizzle handle plus what the service needs beyond queries. */
export interface Database {
  readonly kind: DatabaseKind
  readonly db: Db
  /**
   * Subscribes to a notification channel. `onReady` runs on every (re)connection of the
   * listener: messages sent while it was down are lost, so callers drop what they cached.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReady?: () => void): Promise<() => Promise<void>>
  notify(channel: string, payload: string): Promise<void>
  ping(): Promise<void>
  close(): Promise<void>
}
