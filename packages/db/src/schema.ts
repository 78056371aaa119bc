import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    plan: text('plan', { enum: ['free', 'pro'] })
      .notNull()
      .default('free'),
    role: text('role', { enum: ['user', 'admin'] })
      .notNull()
      .default('user'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_plan_check', sql`${t.plan} in ('free', 'pro')`),
    check('users_role_check', sql`${t.role} in ('user', 'admin')`),
  ],
)

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // First 11 characters of the key (`sk_` + 8): identifies a key without revealing it.
    prefix: text('prefix').notNull(),
    // SHA-256 (hex) of the whole key; the plaintext is never stored.
    keyHash: text('key_hash').notNull(),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsed: timestamp('last_used', { withTimezone: true, precision: 3 }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, precision: 3 }),
    // Null: never expires. The key authenticates strictly before this instant.
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }),
    // Normalised IPv4/IPv6 addresses and CIDR ranges; empty: any address.
    ipAllowlist: text('ip_allowlist')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // The replacement's prefix once the key was rotated; its grace period then runs.
    replacedBy: text('replaced_by'),
    rotatedAt: timestamp('rotated_at', { withTimezone: true, precision: 3 }),
    revokedReason: text('revoked_reason', { enum: ['user', 'admin', 'rotation', 'rotation_quiet', 'leak_report'] }),
  },
  (t) => [
    uniqueIndex('api_keys_prefix_key').on(t.prefix),
    check(
      'api_keys_revoked_reason_check',
      sql`${t.revokedReason} in ('user', 'admin', 'rotation', 'rotation_quiet', 'leak_report')`,
    ),
    // The rotation sweeper scans only keys whose grace period is running.
    index('api_keys_rotating_idx')
      .on(t.rotatedAt)
      .where(sql`${t.replacedBy} is not null and ${t.revokedAt} is null`),
    uniqueIndex('api_keys_key_hash_key').on(t.keyHash),
    index('api_keys_active_by_user_idx')
      .on(t.userId, t.createdAt.desc())
      .where(sql`${t.revokedAt} is null`),
  ],
)

// The session cookie only names a row here, so logout and password changes end sessions for
// real: a copied cookie stops working once its row is gone.
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

// rate-limiter-flexible's RateLimiterDrizzle store (login throttling shared by every instance):
// emails and IPs with failure counts, never secrets.
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  points: integer('points').notNull().default(0),
  expire: timestamp('expire', { withTimezone: true, mode: 'date' }),
})

export type UserRow = typeof users.$inferSelect
export type ApiKeyRow = typeof apiKeys.$inferSelect
export type SessionRow = typeof sessions.$inferSelect
