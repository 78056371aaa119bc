import { fileURLToPath } from 'node:url'

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url))
// Any fixed number: instances starting together take turns applying migrations.
export const MIGRATION_LOCK_ID = 7_305_218_114
