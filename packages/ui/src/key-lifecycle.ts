/*
 * The key lifecycle's names and shapes (issue 11), as the UI codes against them. Declared here
 * until the lifecycle API branch lands in @storra/core/types; then this module re-exports those
 * and nothing else changes. Timestamps are ISO-8601 UTC strings; durations are seconds.
 */
import type { ApiKeySummary, CreatedApiKey } from '@storra/core/types'

/** Where a key is in its life: usable, being replaced (grace period), or ended. */
export const KEY_STATES = ['active', 'rotating', 'expired', 'revoked'] as const
export type KeyState = (typeof KEY_STATES)[number]

/** Why a key was revoked. */
export const REVOKE_REASONS = ['user', 'admin', 'rotation', 'rotation_quiet', 'leak_report'] as const
export type RevokeReason = (typeof REVOKE_REASONS)[number]

/** The fields issue 11 appends to a key object, after the six documented ones. */
export type KeyLifecycleFields = {
  /** When the key stops working; null: never. */
  expires_at: string | null
  /** Addresses and CIDR ranges the key may be used from; empty: any address. */
  ip_allowlist: string[]
  state: KeyState
  /** The prefix of the key that replaced this one in a rotation. */
  replaced_by: string | null
  revoked_at: string | null
  revoked_reason: RevokeReason | null
}

/** A key as the lifecycle list shows it (`apiKeys.list`). */
export type ApiKey = ApiKeySummary & KeyLifecycleFields
/** A create or rotate answer: the only time the whole key is shown. */
export type NewApiKey = CreatedApiKey & Partial<KeyLifecycleFields>

/** The operator's key rules (`apiKeys.policy`). */
export type KeyPolicy = {
  /** Longest lifetime a key may be given, in days; null: keys may never expire. */
  max_key_lifetime_days: number | null
  /** How long the old key must be silent, after the new one is used, before a rotation closes itself. */
  rotation_quiet_seconds: number
  default_grace_period_seconds: number
  max_grace_period_seconds: number
  max_ip_allowlist_entries: number
  /** The expiry choices the dashboard offers, in days. */
  expiry_presets_days: number[]
}

/** The server's defaults, used until the policy has loaded. */
export const DEFAULT_KEY_POLICY: KeyPolicy = {
  max_key_lifetime_days: null,
  rotation_quiet_seconds: 900,
  default_grace_period_seconds: 86_400,
  max_grace_period_seconds: 604_800,
  max_ip_allowlist_entries: 50,
  expiry_presets_days: [7, 30, 60, 90],
}

/** What a create sends: the trimmed label ('' for the server's default), expiry (null: never) and allowlist. */
export type CreateKeyInput = { label: string; expires_at: string | null; ip_allowlist: string[] }

/** What an edit sends: only the fields that changed. */
export type KeyChanges = Partial<Pick<ApiKey, 'label' | 'expires_at' | 'ip_allowlist'>>

/** True for keys that still authenticate requests (possibly only until their grace period ends). */
export function isLiveKey(key: Pick<ApiKey, 'state'>): boolean {
  return key.state === 'active' || key.state === 'rotating'
}

/** A key from a list that may predate the lifecycle fields (an older server, the admin view). */
export type ListedKey = ApiKeySummary & Partial<KeyLifecycleFields>

/** `key` with the lifecycle fields an older answer lacks filled in as "active, never expires". */
export function withLifecycle(key: ListedKey): ApiKey {
  return {
    ...key,
    expires_at: key.expires_at ?? null,
    ip_allowlist: key.ip_allowlist ?? [],
    state: key.state ?? 'active',
    replaced_by: key.replaced_by ?? null,
    revoked_at: key.revoked_at ?? null,
    revoked_reason: key.revoked_reason ?? null,
  }
}
