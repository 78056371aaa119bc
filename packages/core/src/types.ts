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

/** A key as listed: never the secret nor its hash. `last_used` is null until first use. */
export type ApiKeySummary = { id: string; prefix: string; label: string; created_at: string; last_used: string | null }
/** The create answer: the only time the whole key (`key`) is ever shown. */
export type CreatedApiKey = ApiKeySummary & { key: string }

/** Where a leak report came from: the public revocation endpoint or GitHub's secret scanning. */
const LEAK_REPORT_SOURCES = ['public', 'github'] as const
export type LeakReportSource = (typeof LEAK_REPORT_SOURCES)[number]

/** One of the account's keys revoked because it was reported as leaked (the owner's banner). */
export type LeakRevokedKey = { id: string; prefix: string; label: string; revoked_at: string }
