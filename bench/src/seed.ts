import { apiKeys, users, type Database } from '@storra/db'
import { generateApiKey, hashApiKey, keyPrefixOf, type Plan } from '@storra/core'
import { hashPassword } from '@storra/api'

/** Real keys the load uses; everything else in the table is synthetic filler. */
export const VALID_KEY_COUNT = 500
const FREE_KEY_COUNT = 50
const DASHBOARD_KEY_COUNT = 100
const KEYS_PER_REAL_USER = 10
const FILLER_KEYS_PER_USER = 10
const INSERT_CHUNK = 500

export interface SeededData {
  validKeys: string[]
  freeKeys: string[]
  dashboardUser: { email: string; password: string }
  totalKeys: number
  seedSeconds: number
}

function realKeys(count: number): string[] {
  return Array.from({ length: count }, () => generateApiKey())
}

async function insertUsersWithKeys(database: Database, keys: string[], plan: Plan, tag: string, passwordHash: string) {
  const userIds: string[] = []
  for (let i = 0; i * KEYS_PER_REAL_USER < keys.length; i++) {
    const [row] = await database.db
      .insert(users)
      .values({ email: `${tag}-${i}@bench.example.com`, passwordHash, plan })
      .returning({ id: users.id })
    userIds.push(row!.id)
  }
  const rows = keys.map((key, i) => ({
    userId: userIds[Math.floor(i / KEYS_PER_REAL_USER)]!,
    prefix: keyPrefixOf(key),
    keyHash: hashApiKey(key),
    label: `${tag} ${i}`,
  }))
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await database.db.insert(apiKeys).values(rows.slice(i, i + INSERT_CHUNK))
}

/**
 * Fills a freshly migrated database with `totalKeys` API keys. The keys the load uses are real
 * (generated with @storra/core and stored by their SHA-256, as the service does); the rest are
 * made in SQL with generate_series, with prefixes (`sy_…`) and hashes no real key can have,
 * and 1 in 20 of them revoked.
 */
export async function seedDatabase(database: Database, totalKeys: number): Promise<SeededData> {
  const started = performance.now()
  const validKeys = realKeys(VALID_KEY_COUNT)
  const freeKeys = realKeys(FREE_KEY_COUNT)
  const dashboardKeys = realKeys(DASHBOARD_KEY_COUNT)
  const dashboardUser = { email: 'dashboard@bench.example.com', password: 'bench-password-long-enough' }
  const unusable = '!' // no password hash verifies against this: these accounts cannot log in

  await insertUsersWithKeys(database, validKeys, 'pro', 'pro', unusable)
  await insertUsersWithKeys(database, freeKeys, 'free', 'free', unusable)
  const [owner] = await database.db
    .insert(users)
    .values({ email: dashboardUser.email, passwordHash: await hashPassword(dashboardUser.password), plan: 'pro' })
    .returning({ id: users.id })
  await database.db.insert(apiKeys).values(
    dashboardKeys.map((key, i) => ({
      userId: owner!.id,
      prefix: keyPrefixOf(key),
      keyHash: hashApiKey(key),
      label: `dashboard ${i}`,
    })),
  )

  const filler = totalKeys - VALID_KEY_COUNT - FREE_KEY_COUNT - DASHBOARD_KEY_COUNT
  if (filler > 0) {
    const fillerUsers = Math.ceil(filler / FILLER_KEYS_PER_USER)
    // Deterministic user ids let the key rows name their owner without a join.
    await database.db.execute(`
      insert into users (id, email, password_hash, plan)
      select md5('bench-user-' || g)::uuid, 'filler-' || g || '@bench.example.com', '!', case when g % 4 = 0 then 'free' else 'pro' end
      from generate_series(1, ${fillerUsers}) as g`)
    // Bulk loads are far faster building the indexes once at the end, and the owners exist by
    // construction, so the per-row foreign-key check is skipped (replica role: seeding only).
    await database.db.transaction(async (tx) => {
      const indexes = rowsOf<{ indexdef: string; indexname: string }>(
        await tx.execute(
          `select indexname, indexdef from pg_indexes where tablename = 'api_keys' and indexname <> 'api_keys_pkey'`,
        ),
      )
      for (const { indexname } of indexes) await tx.execute(`drop index "${indexname}"`)
      await tx.execute(`set local session_replication_role = replica`)
      await tx.execute(`
        insert into api_keys (user_id, prefix, key_hash, label, created_at, last_used, revoked_at)
        select md5('bench-user-' || ((g - 1) / ${FILLER_KEYS_PER_USER} + 1))::uuid,
               'sy_' || lpad(g::text, 8, '0'),
               encode(sha256(('bench-filler-' || g)::bytea), 'hex'),
               'filler ' || g,
               now() - (g % 1000) * interval '1 hour',
               case when g % 3 = 0 then now() - (g % 100) * interval '1 minute' end,
               case when g % 20 = 0 then now() end
        from generate_series(1, ${filler}) as g`)
      for (const { indexdef } of indexes) await tx.execute(indexdef)
    })
  }
  await database.db.execute(`analyze users`)
  await database.db.execute(`analyze api_keys`)
  const [counted] = rowsOf<{ n: number }>(await database.db.execute(`select count(*)::int as n from api_keys`))
  return {
    validKeys,
    freeKeys,
    dashboardUser,
    totalKeys: Number(counted?.n),
    seedSeconds: (performance.now() - started) / 1000,
  }
}

/** postgres-js answers `execute` with the rows; PGlite with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? [])
}
