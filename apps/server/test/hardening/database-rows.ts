import type { Database } from '@storra/db'

/** Runs a fixed SQL text (no user input) and returns its rows, on PGlite and postgres.js alike. */
export async function selectRows(database: Database, query: string): Promise<Record<string, unknown>[]> {
  const result: unknown = await database.db.execute(query)
  return Array.isArray(result)
    ? (result as Record<string, unknown>[])
    : ((result as { rows: Record<string, unknown>[] }).rows ?? [])
}

async function publicTables(database: Database): Promise<string[]> {
  const rows = await selectRows(
    database,
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )
  return rows.map((r) => String(r.table_name))
}

/** Every row of every table in schema public, keyed by table. */
export async function dumpPublicTables(database: Database): Promise<Record<string, Record<string, unknown>[]>> {
  const dump: Record<string, Record<string, unknown>[]> = {}
  for (const table of await publicTables(database))
    dump[table] = await selectRows(database, `select * from "${table.replaceAll('"', '""')}"`)
  return dump
}

export const ACCOUNT_TABLES = ['users', 'api_keys', 'sessions'] as const

export async function countAccountRows(database: Database): Promise<Record<(typeof ACCOUNT_TABLES)[number], number>> {
  const rows = await selectRows(
    database,
    `select (select count(*) from users) as users, (select count(*) from api_keys) as api_keys, (select count(*) from sessions) as sessions`,
  )
  const row = rows[0]!
  return { users: Number(row.users), api_keys: Number(row.api_keys), sessions: Number(row.sessions) }
}
