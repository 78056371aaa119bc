import { z } from 'zod'
import {
  AUDIT_ACTORS,
  AUDIT_EVENT_TYPES,
  KEY_STATES,
  PLANS,
  REVOKE_REASONS,
  ROLES,
  type AuditLogPage,
  type KeyUsage,
} from '@storra/core'
import type { WebhookOutcome } from '../services/billing.ts'
import type { ApiKeyPolicy, ApiKeySummary, ClientUser, CreatedApiKey, SessionUser } from '../services/types.ts'

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

// The lifecycle's fields, after the contract's: every key object carries them in this order.
const lifecycleFields = {
  expires_at: timestamp
    .nullable()
    .meta({ description: 'When the key stops working (it works strictly before); null: never.' }),
  ip_allowlist: z.array(z.string()).meta({
    description: 'Normalised IPv4/IPv6 addresses and CIDR ranges the key may be used from; empty: any address.',
    examples: [['203.0.113.0/24', '2001:db8::1']],
  }),
  state: z.enum(KEY_STATES).meta({
    id: 'KeyState',
    description:
      '`active`; `rotating` (replaced, working until its grace period ends or it falls silent); `expired`; `revoked`.',
  }),
  replaced_by: prefix.nullable().meta({ description: 'The prefix of the key that replaced this one, once rotated.' }),
  revoked_at: timestamp.nullable().meta({ description: 'When the key was revoked; null unless revoked.' }),
  revoked_reason: z.enum(REVOKE_REASONS).nullable().meta({
    id: 'RevokeReason',
    description:
      'Why it was revoked: `user` (its owner), `admin` (an operator), `rotation` (rotated with no grace period), `rotation_quiet` (fell silent after its replacement was used), `leak_report`.',
  }),
  // The last use's origin (issue 12), after the lifecycle's fields.
  last_used_ip: z
    .string()
    .nullable()
    .meta({ description: 'The client IP of the last use; null until then.', examples: ['203.0.113.7'] }),
  last_used_user_agent: z
    .string()
    .nullable()
    .meta({
      description: 'The User-Agent of the last use (at most 256 characters); null until then or when none was sent.',
      examples: ['curl/8.5.0'],
    }),
}

/** A key as listed or edited: never the secret nor its hash. The published fields first, in order. */
export const apiKeySummarySchema = z
  .object({ id, prefix, label, created_at: timestamp, last_used: lastUsed, ...lifecycleFields })
  .meta({ id: 'ApiKeySummary', description: 'An API key, without its secret.' })

/** The create and rotate answer, fields in the published order `id, prefix, label, key, created_at, last_used`, then the lifecycle's. */
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
    ...lifecycleFields,
  })
  .meta({ id: 'CreatedApiKey', description: 'A new API key, with the only copy of its secret.' })

/** `apiKeys.policy`: the lifecycle rules the dashboard offers choices from. */
export const apiKeyPolicySchema = z
  .object({
    max_key_lifetime_days: z.number().int().nullable(),
    rotation_quiet_seconds: z.number().int(),
    default_grace_period_seconds: z.number().int(),
    max_grace_period_seconds: z.number().int(),
    max_ip_allowlist_entries: z.number().int(),
    expiry_presets_days: z.array(z.number().int()),
  })
  .meta({ id: 'ApiKeyPolicy' })

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
/** `{"url": ...}`: where to send the browser (Stripe Checkout, the Stripe customer portal). */
export const redirectUrlBodySchema = z
  .object({
    url: z.url().meta({
      description: 'A Stripe-hosted page to open in the browser.',
      examples: ['https://checkout.stripe.com/c/pay/cs_test_a1b2c3'],
    }),
  })
  .meta({ id: 'RedirectUrl' })

/** The Stripe webhook's answer to a verified event. */
export const webhookOutcomeSchema = z
  .object({
    received: z.literal(true),
    ignored: z
      .enum(['unhandled_event', 'duplicate', 'unknown_customer', 'stale'])
      .optional()
      .meta({ description: 'Why the event changed nothing, when it did not.' }),
  })
  .meta({ id: 'WebhookOutcome' })

// Compile-time proof that the schemas and the service types are one shape (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const sameShapes: [
  Same<z.output<typeof clientUserSchema>, ClientUser>,
  Same<z.output<typeof sessionUserSchema>, SessionUser>,
  Same<z.output<typeof apiKeySummarySchema>, ApiKeySummary>,
  Same<z.output<typeof createdApiKeySchema>, CreatedApiKey>,
  Same<z.output<typeof webhookOutcomeSchema>, WebhookOutcome>,
  Same<z.output<typeof apiKeyPolicySchema>, ApiKeyPolicy>,
  Same<z.output<typeof auditLogPageSchema>, AuditLogPage>,
  Same<z.output<typeof keyUsageSchema>, KeyUsage>,
] = [true, true, true, true, true, true, true, true]
void sameShapes

/** `POST /api/v1/public/credentials/revoke`: how many strings arrived, whatever they were. */
export const leakReportReceivedSchema = z
  .object({
    received: z
      .int()
      .min(1)
      .meta({ description: 'How many credentials the request carried.', examples: [2] }),
  })
  .meta({ id: 'LeakReportReceived', description: 'The report was received; it never says whether a key existed.' })

/** GitHub's feedback format, one entry per match; the token as its SHA-256 (hex), never raw. */
export const secretScanningLabelsSchema = z
  .array(
    z.object({
      token_hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .meta({ description: 'SHA-256 (hex) of the matched token.' }),
      token_type: z.string().meta({ examples: ['storra_api_key'] }),
      label: z.enum(['true_positive', 'false_positive']),
    }),
  )
  .meta({
    id: 'SecretScanningLabels',
    description: '`true_positive` for a Storra key (now revoked), else `false_positive`.',
  })
