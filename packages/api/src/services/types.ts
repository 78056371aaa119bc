import type { Plan, Role } from '@storra/core'

export type SessionUser = { id: string; email: string; plan: Plan; role: Role; created_at: string }
export type ApiKeySummary = { id: string; prefix: string; label: string; created_at: string; last_used: string | null }
export type CreatedApiKey = ApiKeySummary & { key: string }
export type AdminUser = SessionUser & { active_keys: number }
/** The account behind a valid key, as the client API returns it. */
export type ClientUser = { id: string; email: string; plan: Plan; created_at: string }
