/*
 * The key lifecycle's names and shapes (issue 11) as the UI uses them: the domain's own types
 * from @storra/core, and the few shapes only the forms need. Timestamps are ISO-8601 UTC strings;
 * durations are seconds.
 */
import {
  DEFAULT_GRACE_PERIOD_SECONDS,
  DEFAULT_ROTATION_QUIET_SECONDS,
  EXPIRY_PRESETS_DAYS,
  MAX_GRACE_PERIOD_SECONDS,
  MAX_IP_ALLOWLIST_ENTRIES,
} from '@storra/core/limits'
import type { ApiKeyPolicy, ApiKeySummary } from '@storra/core/types'

/** A key as the lifecycle list shows it (`apiKeys.list`). */
export type ApiKey = ApiKeySummary
/** The operator's key rules (`apiKeys.policy`). */
export type KeyPolicy = ApiKeyPolicy

/** The server's defaults, used until the policy has loaded. */
export const DEFAULT_KEY_POLICY: KeyPolicy = {
  max_key_lifetime_days: null,
  rotation_quiet_seconds: DEFAULT_ROTATION_QUIET_SECONDS,
  default_grace_period_seconds: DEFAULT_GRACE_PERIOD_SECONDS,
  max_grace_period_seconds: MAX_GRACE_PERIOD_SECONDS,
  max_ip_allowlist_entries: MAX_IP_ALLOWLIST_ENTRIES,
  expiry_presets_days: [...EXPIRY_PRESETS_DAYS],
}

/** What a create sends: the trimmed label ('' for the server's default), expiry (null: never) and allowlist. */
export type CreateKeyInput = { label: string; expires_at: string | null; ip_allowlist: string[] }

/** What an edit sends: only the fields that changed. */
export type KeyChanges = Partial<Pick<ApiKey, 'label' | 'expires_at' | 'ip_allowlist'>>

/** True for keys that still authenticate requests (possibly only until their grace period ends). */
export function isLiveKey(key: Pick<ApiKey, 'state'>): boolean {
  return key.state === 'active' || key.state === 'rotating'
}
