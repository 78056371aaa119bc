import type { ApiKeyRow, UserRow } from '@storra/db'
import type { ApiKeySummary, SessionUser } from './types.ts'

export function toSessionUser(row: Pick<UserRow, 'id' | 'email' | 'plan' | 'role' | 'createdAt'>): SessionUser {
  return { id: row.id, email: row.email, plan: row.plan, role: row.role, created_at: row.createdAt.toISOString() }
}

export function toApiKeySummary(
  row: Pick<ApiKeyRow, 'id' | 'prefix' | 'label' | 'createdAt' | 'lastUsed' | 'lastUsedIp' | 'lastUsedUserAgent'>,
): ApiKeySummary {
  return {
    id: row.id,
    prefix: row.prefix,
    label: row.label,
    created_at: row.createdAt.toISOString(),
    last_used: row.lastUsed ? row.lastUsed.toISOString() : null,
    last_used_ip: row.lastUsedIp,
    last_used_user_agent: row.lastUsedUserAgent,
  }
}
