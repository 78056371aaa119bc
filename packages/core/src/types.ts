/**
 * The domain's names and the shapes the API shows of them. Pure types and constants, importable
 * by the renderers without Node types (`@storra/core/types`). Timestamps are ISO-8601 UTC strings.
 */

/** Account plans; only `pro` may call the client API and create keys (see plans.ts). */
export const PLANS = ['free', 'pro'] as const
export type Plan = (typeof PLANS)[number]

/** Account roles; `admin` may use the admin procedures. */
export const ROLES = ['user', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** A plan's short name, e.g. in the admin console's plan column. */
export const PLAN_NAMES: Readonly<Record<Plan, string>> = { free: 'Free', pro: 'Cloud Pro' }
/** A plan as its badge in the dashboard says it. */
export const PLAN_BADGE_TEXT: Readonly<Record<Plan, string>> = { free: 'Free plan', pro: 'Cloud Pro' }

/** A signed-in account as the dashboard sees it (`GET /api/v1/dashboard/users/me`). */
export type SessionUser = { id: string; email: string; plan: Plan; role: Role; created_at: string }
/** An account in the admin console, with its number of active keys. */
export type AdminUser = SessionUser & { active_keys: number }
/** The account behind a valid key, as the client API returns it (`GET /api/v1/client/users/me`). */
export type ClientUser = { id: string; email: string; plan: Plan; created_at: string }

/**
 * A key as listed: never the secret nor its hash. `last_used` is null until first use;
 * `last_used_ip` and `last_used_user_agent` (cut to 256 characters) describe that use.
 */
export type ApiKeySummary = {
  id: string
  prefix: string
  label: string
  created_at: string
  last_used: string | null
  last_used_ip: string | null
  last_used_user_agent: string | null
}
/** The create answer: the only time the whole key (`key`) is ever shown. */
export type CreatedApiKey = ApiKeySummary & { key: string }

/** Why a key was revoked (shared with the lifecycle branch; declared identically there). */
export const REVOKE_REASONS = ['user', 'admin', 'rotation', 'rotation_quiet', 'leak_report'] as const
export type RevokeReason = (typeof REVOKE_REASONS)[number]

/** Who did what an audit event records. */
export const AUDIT_ACTORS = ['user', 'admin', 'cli', 'system', 'public_report'] as const
export type AuditActor = (typeof AUDIT_ACTORS)[number]

/** The kinds of audit events; later features append theirs. */
export const AUDIT_EVENT_TYPES = [
  'api_key.created',
  'api_key.updated',
  'api_key.rotated',
  'api_key.revoked',
  'session.login',
  'session.login_failed',
  'session.logout_everywhere',
  'user.password_changed',
  'user.plan_changed',
] as const
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number]

/**
 * One audit event as the dashboard shows it (`GET /users/me/audit-log`). `details` is small
 * JSON (e.g. `{"reason":"user"}`, `{"from":"free","to":"pro"}`), never a key, hash, password or cookie.
 */
export type AuditEvent = {
  id: string
  type: AuditEventType
  actor: AuditActor
  key_prefix: string | null
  ip: string | null
  user_agent: string | null
  created_at: string
  details: Record<string, unknown>
}
/** A page of audit events, newest first; `next_cursor` is null on the last page. */
export type AuditLogPage = { events: AuditEvent[]; next_cursor: string | null }

/** What became of one client API request made with a key (per-key usage counts). */
export const USAGE_OUTCOMES = ['ok', 'plan_forbidden', 'ip_denied', 'rate_limited', 'revoked'] as const
export type UsageOutcome = (typeof USAGE_OUTCOMES)[number]

/** The windows a key's usage chart offers. */
export const USAGE_WINDOWS = ['24h', '7d', '30d'] as const
export type UsageWindow = (typeof USAGE_WINDOWS)[number]

/** One time bucket of a key's usage: `start` is ISO UTC, counts per outcome. */
export type UsageBucket = { start: string } & Record<UsageOutcome, number>
/** `GET /users/me/api-keys/{prefix}/usage`: minute buckets for 24h, hour buckets otherwise. */
export type KeyUsage = { prefix: string; granularity: 'minute' | 'hour'; buckets: UsageBucket[] }
