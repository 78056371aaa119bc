import { keyStateOf } from '@storra/core'
import { apiKeys, type ApiKeyRow, type UserRow } from '@storra/db'
import type { ApiKeySummary, CreatedApiKey, SessionUser } from './types.ts'

export function toSessionUser(row: Pick<UserRow, 'id' | 'email' | 'plan' | 'role' | 'createdAt'>): SessionUser {
  return { id: row.id, email: row.email, plan: row.plan, role: row.role, created_at: row.createdAt.toISOString() }
}

/** The columns a key's view is made of: never `key_hash`. Select these, then {@link toApiKeySummary}. */
export const apiKeySummaryColumns = {
  id: apiKeys.id,
  prefix: apiKeys.prefix,
  label: apiKeys.label,
  createdAt: apiKeys.createdAt,
  lastUsed: apiKeys.lastUsed,
  expiresAt: apiKeys.expiresAt,
  ipAllowlist: apiKeys.ipAllowlist,
  replacedBy: apiKeys.replacedBy,
  revokedAt: apiKeys.revokedAt,
  revokedReason: apiKeys.revokedReason,
  lastUsedIp: apiKeys.lastUsedIp,
  lastUsedUserAgent: apiKeys.lastUsedUserAgent,
}

/** The row fields a key's view is made of. */
export type ApiKeySummaryRow = Pick<
  ApiKeyRow,
  | 'id'
  | 'prefix'
  | 'label'
  | 'createdAt'
  | 'lastUsed'
  | 'expiresAt'
  | 'ipAllowlist'
  | 'replacedBy'
  | 'revokedAt'
  | 'revokedReason'
  | 'lastUsedIp'
  | 'lastUsedUserAgent'
>

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null)

/**
 * A key as the API shows it at `nowMs` (its `state` depends on the time), fields in the
 * published order: the contract's five, the lifecycle's, then the last use's IP and user agent.
 */
export function toApiKeySummary(row: ApiKeySummaryRow, nowMs = Date.now()): ApiKeySummary {
  return {
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    created_at: row.createdAt.toISOString(),
    last_used: isoOrNull(row.lastUsed),
    expires_at: isoOrNull(row.expiresAt),
    ip_allowlist: row.ipAllowlist,
    state: keyStateOf(row, nowMs),
    replaced_by: row.replacedBy,
    revoked_at: isoOrNull(row.revokedAt),
    revoked_reason: row.revokedReason,
    last_used_ip: row.lastUsedIp,
    last_used_user_agent: row.lastUsedUserAgent,
  }
}

/** The create/rotate answer: the summary with the secret `key` after `label`, as the contract orders it. */
export function toCreatedApiKey(row: ApiKeySummaryRow, key: string, nowMs = Date.now()): CreatedApiKey {
  const { id, prefix, label, ...rest } = toApiKeySummary(row, nowMs)
  return { id, prefix, label, key, ...rest }
}
