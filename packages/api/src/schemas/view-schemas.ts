import { z } from 'zod'
import { AUDIT_ACTORS, AUDIT_EVENT_TYPES, PLANS, ROLES, type AuditLogPage, type KeyUsage } from '@storra/core'
import type { ApiKeySummary, ClientUser, CreatedApiKey, SessionUser } from '../services/types.ts'

// The shapes the HTTP API answers with, as zod schemas: the OpenAPI document is built from them
// and the serializers are typed from them, so the document cannot drift from what is sent.
// Timestamps are ISO-8601 UTC strings with milliseconds (`Date.prototype.toISOString`).

const id = z.uuid().meta({ description: 'Row id (UUID).', examples: ['550e8400-e29b-41d4-a716-446655440000'] })
const timestamp = z.iso.datetime().meta({ examples: ['2025-06-01T10:30:00.000Z'] })

/** `free` or `pro`; only `pro` may call the client API and create keys. */
const planSchema = z
  .enum(PLANS)
  .meta({ id: 'Plan', description: 'Account plan; only `pro` (Cloud Pro) may call the client API and create keys.' })

/** `user` or `admin`. */
const roleSchema = z
  .enum(ROLES)
  .meta({ id: 'Role', description: 'Account role; `admin` may use the admin procedures.' })

/** The account behind a valid key: `GET /api/v1/client/users/me`. */
export const clientUserSchema = z
  .object({ id, email: z.string(), plan: planSchema, created_at: timestamp })
  .meta({ id: 'ClientUser', description: 'The account that owns the API key.' })

/** A signed-in account as the dashboard sees it. */
const sessionUserSchema = z
  .object({ id, email: z.string(), plan: planSchema, role: roleSchema, created_at: timestamp })
  .meta({ id: 'SessionUser', description: 'The signed-in account.' })

const prefix = z
  .string()
  .regex(/^sk_[0-9A-Za-z]{8}$/)
  .meta({
    description: 'The first 11 characters of the key (`sk_` + 8); identifies it for revocation.',
    examples: ['sk_abc12345'],
  })
const label = z
  .string()
  .meta({ description: 'Trimmed, 1-100 characters, no control characters.', examples: ['Production API Key'] })
const lastUsed = timestamp
  .nullable()
  .meta({ description: 'When the key last authenticated a request; null until then.' })

const lastUsedIp = z
  .string()
  .nullable()
  .meta({ description: 'The client IP of the last use; null until then.', examples: ['203.0.113.7'] })
const lastUsedUserAgent = z
  .string()
  .nullable()
  .meta({ description: 'The User-Agent of the last use (at most 256 characters); null until then or when none was sent.', examples: ['curl/8.5.0'] })

/** A key as listed: never the secret nor its hash. Fields in the published order, then the added ones. */
export const apiKeySummarySchema = z
  .object({
    id,
    prefix,
    label,
    created_at: timestamp,
    last_used: lastUsed,
    last_used_ip: lastUsedIp,
    last_used_user_agent: lastUsedUserAgent,
  })
  .meta({ id: 'ApiKeySummary', description: 'An active API key, without its secret.' })

/** The create answer, fields in the published order `id, prefix, label, key, created_at, last_used`. */
export const createdApiKeySchema = z
  .object({
    id,
    prefix,
    label,
    key: z.string().meta({
      description:
        'The whole key, `sk_` + 32 base62 characters + 6 base62 checksum characters (41 in all). Shown only in this answer: store it now.',
      examples: ['sk_0000000000000000000000000000000030OBQY'],
    }),
    created_at: timestamp,
    last_used: lastUsed,
    last_used_ip: lastUsedIp,
    last_used_user_agent: lastUsedUserAgent,
  })
  .meta({ id: 'CreatedApiKey', description: 'A new API key, with the only copy of its secret.' })

/** `{"user": ...}`: login and `GET /users/me`. */
export const sessionUserBodySchema = z.object({ user: sessionUserSchema }).meta({ id: 'SessionUserBody' })
/** `{"ok": true}`: logout, logout everywhere, password change. */
export const okBodySchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' })
/** `{"revoked": true}`: key revocation, as published. */
export const revokedBodySchema = z.object({ revoked: z.literal(true) }).meta({ id: 'Revoked' })

/** One audit event: what happened, who did it, from where. Never a key, hash, password or cookie. */
const auditEventSchema = z
  .object({
    id,
    type: z.enum(AUDIT_EVENT_TYPES),
    actor: z.enum(AUDIT_ACTORS),
    key_prefix: prefix.nullable(),
    ip: z.string().nullable(),
    user_agent: z.string().nullable().meta({ description: 'At most 256 characters.' }),
    created_at: timestamp,
    details: z.record(z.string(), z.unknown()).meta({
      description: 'Small facts about the event, e.g. `{"reason": "user"}` or `{"from": "free", "to": "pro"}`.',
    }),
  })
  .meta({ id: 'AuditEvent', description: 'Something that happened to the account or one of its keys.' })

/** `GET /users/me/audit-log`: newest first; pass `next_cursor` back as `cursor` for the next page. */
export const auditLogPageSchema = z
  .object({
    events: z.array(auditEventSchema),
    next_cursor: z.string().nullable().meta({ description: 'The next page’s `cursor`; null on the last page.' }),
  })
  .meta({ id: 'AuditLogPage' })

const count = z.int().min(0)
/** `GET /users/me/api-keys/{prefix}/usage`. */
export const keyUsageSchema = z
  .object({
    prefix,
    granularity: z.enum(['minute', 'hour']),
    buckets: z.array(
      z.object({
        start: timestamp,
        ok: count,
        plan_forbidden: count,
        ip_denied: count,
        rate_limited: count,
        revoked: count,
      }),
    ),
  })
  .meta({
    id: 'KeyUsage',
    description:
      'Client API requests made with the key, by outcome: minute buckets for `24h`, hour buckets otherwise, oldest first; buckets without requests are left out.',
  })

// Compile-time proof that the schemas and the service types are one shape (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const sameShapes: [
  Same<z.output<typeof clientUserSchema>, ClientUser>,
  Same<z.output<typeof sessionUserSchema>, SessionUser>,
  Same<z.output<typeof apiKeySummarySchema>, ApiKeySummary>,
  Same<z.output<typeof createdApiKeySchema>, CreatedApiKey>,
  Same<z.output<typeof auditLogPageSchema>, AuditLogPage>,
  Same<z.output<typeof keyUsageSchema>, KeyUsage>,
] = [true, true, true, true, true, true]
void sameShapes
