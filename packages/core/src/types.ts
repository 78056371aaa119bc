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
 * A key's state at a moment (see key-policy.ts `keyStateOf`): `active` (usable), `rotating`
 * (usable, but a replacement was issued and it ends at its grace period's end or when it falls
 * silent), `expired` (its `expires_at` has passed), `revoked` (ended by a person, a rotation or a
 * leak report). Only `active` and `rotating` keys authenticate.
 */
export const KEY_STATES = ['active', 'rotating', 'expired', 'revoked'] as const
export type KeyState = (typeof KEY_STATES)[number]

/**
 * Why a key was revoked: `user` (its owner, from the dashboard), `admin` (an operator, from the
 * admin console or the CLI), `rotation` (rotated with a grace period of 0), `rotation_quiet` (its
 * replacement was in use and it had fallen silent), `leak_report` (found in public).
 */
export const REVOKE_REASONS = ['user', 'admin', 'rotation', 'rotation_quiet', 'leak_report'] as const
export type RevokeReason = (typeof REVOKE_REASONS)[number]

/**
 * Who did something recorded in the audit log.
 * @public For the audit log (issue 12).
 */
export const AUDIT_ACTORS = ['user', 'admin', 'cli', 'system', 'public_report'] as const
/** @public One of {@link AUDIT_ACTORS}. */
export type AuditActor = (typeof AUDIT_ACTORS)[number]

/**
 * A key as listed: never the secret nor its hash. The contract's five fields first
 * (`last_used` is null until first use), then the lifecycle's: `expires_at` (ISO or null =
 * never), `ip_allowlist` (normalised addresses/CIDRs; empty = any address), `state`,
 * `replaced_by` (the replacement's prefix once rotated), `revoked_at`, `revoked_reason`.
 */
export type ApiKeySummary = {
  id: string
  prefix: string
  label: string
  created_at: string
  last_used: string | null
  expires_at: string | null
  ip_allowlist: string[]
  state: KeyState
  replaced_by: string | null
  revoked_at: string | null
  revoked_reason: RevokeReason | null
  last_used_ip: string | null
  last_used_user_agent: string | null
}
/**
 * The create and rotate answer: the only time the whole key (`key`) is ever shown. Fields in
 * the contract's order `id, prefix, label, key, created_at, last_used`, then the lifecycle's.
 */
export type CreatedApiKey = {
  id: string
  prefix: string
  label: string
  key: string
  created_at: string
  last_used: string | null
  expires_at: string | null
  ip_allowlist: string[]
  state: KeyState
  replaced_by: string | null
  revoked_at: string | null
  revoked_reason: RevokeReason | null
  last_used_ip: string | null
  last_used_user_agent: string | null
}

/**
 * The lifecycle rules the dashboard needs to offer the right choices (`apiKeys.policy`).
 * `max_key_lifetime_days` is null when the operator set no maximum (then "never" is offered).
 */
export type ApiKeyPolicy = {
  max_key_lifetime_days: number | null
  rotation_quiet_seconds: number
  default_grace_period_seconds: number
  max_grace_period_seconds: number
  max_ip_allowlist_entries: number
  expiry_presets_days: number[]
}

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
  'user.role_changed',
  'user.deleted',
  'user.password_reset_issued',
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
/** Where a leak report came from: the public revocation endpoint or GitHub's secret scanning. */
export type LeakReportSource = 'public' | 'github'

/** One of the account's keys revoked because it was reported as leaked (the owner's banner). */
export type LeakRevokedKey = { id: string; prefix: string; label: string; revoked_at: string }
