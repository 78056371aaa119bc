import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import type { Database } from './database.ts'
import { openPglite } from './pglite.ts'
import { openPostgres } from './postgres.ts'
import { TEST_DATABASE_URL } from './testing/env.ts'

export { TEST_DATABASE_URL }

export interface TestDatabase {
  database: Database
  /** Connection string of the fresh database (real PostgreSQL only). */
  url?: string
  /** Closes the handle and drops the database. */
  dispose(): Promise<void>
}

export interface TestDatabaseTarget {
  name: 'pglite' | 'postgres'
  create(): Promise<TestDatabase>
  /** A fresh empty database (migrated on first open) without opening it here. */
  createUrl?(): Promise<{ url: string; drop: () => Promise<void> }>
}

/**
 * The databases every database test runs against: embedded PGlite always, and real
 * PostgreSQL when TEST_DATABASE_URL is set, each test getting a fresh database of its own.
 */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [
    {
      name: 'pglite',
      async create() {
        const database = await openPglite()
        return { database, dispose: () => database.close() }
      },
    },
  ]
  const adminUrl = TEST_DATABASE_URL
  if (adminUrl) {
    const createUrl = () => createFreshPostgresDatabase(adminUrl)
    targets.push({
      name: 'postgres',
      createUrl,
      async create() {
        const { url, drop } = await createUrl()
        const database = await openPostgres({ url })
        return {
          database,
          url,
          async dispose() {
            await database.close()
            await drop()
          },
        }
      },
    })
  }
  return targets
}

export async function createFreshPostgresDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `storra_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`create database "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} })
      try {
        await again.unsafe(`drop database if exists "${name}" with (force)`)
      } finally {
        await again.end()
      }
    },
  }
}
