import { sql } from 'drizzle-orm'
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

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
    // The account's one Stripe customer (`cus_…`), made at its first checkout.
    stripeCustomerId: text('stripe_customer_id'),
    // `created` of the last Stripe event applied to the plan: an older event arriving late
    // (a retried `updated` after a `deleted`) must not undo a newer one.
    billingEventAt: timestamp('billing_event_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('users_stripe_customer_key').on(t.stripeCustomerId),
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
    // Where the key was last used from (written with last_used, in the same batched statement).
    lastUsedIp: text('last_used_ip'),
    lastUsedUserAgent: text('last_used_user_agent'),
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

// Append-only record of what happened to an account and its keys. Never a key, hash, password or
// cookie. `seq` orders events (keyset pagination newest first); `user_id` is the account concerned.
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    actorUserId: uuid('actor_user_id'),
    keyPrefix: text('key_prefix'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex('audit_events_id_key').on(t.id),
    index('audit_events_user_seq_idx').on(t.userId, t.seq.desc()),
    index('audit_events_user_prefix_seq_idx').on(t.userId, t.keyPrefix, t.seq.desc()),
    index('audit_events_created_idx').on(t.createdAt),
    check('audit_events_actor_check', sql`${t.actor} in ('user', 'admin', 'cli', 'system', 'public_report')`),
  ],
)

// Client API requests per key per time bucket, by outcome. `granularity` is 'minute' for the
// last 48 hours and 'hour' after the roll-up; flushes add to a row (several instances share it).
export const apiKeyUsage = pgTable(
  'api_key_usage',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    granularity: text('granularity', { enum: ['minute', 'hour'] }).notNull(),
    start: timestamp('start', { withTimezone: true, precision: 3 }).notNull(),
    ok: integer('ok').notNull().default(0),
    planForbidden: integer('plan_forbidden').notNull().default(0),
    ipDenied: integer('ip_denied').notNull().default(0),
    rateLimited: integer('rate_limited').notNull().default(0),
    revoked: integer('revoked').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.granularity, t.start] }),
    index('api_key_usage_granularity_start_idx').on(t.granularity, t.start),
    check('api_key_usage_granularity_check', sql`${t.granularity} in ('minute', 'hour')`),
  ],
)

// Stripe delivers an event at least once; its id is kept so a retry or replay changes nothing.
export const processedStripeEvents = pgTable('processed_stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
})

// One-time password reset links: only the SHA-256 of the token is stored; a row is used once.
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_key').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId),
  ],
)

export type UserRow = typeof users.$inferSelect
export type ApiKeyRow = typeof apiKeys.$inferSelect
export type SessionRow = typeof sessions.$inferSelect
export type AuditEventRow = typeof auditEvents.$inferSelect
