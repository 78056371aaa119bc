import type { CreatedApiKey } from '@storra/core/types'
import type { ApiKey, KeyPolicy } from '../key-lifecycle'

const NOW = new Date('2025-06-01T12:00:00.000Z')
export const now = () => NOW

export const productionKey: ApiKey = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  prefix: 'sk_abc12345',
  label: 'Production API Key',
  created_at: '2025-05-20T10:30:00.000Z',
  last_used: '2025-06-01T11:57:00.000Z',
  expires_at: '2025-08-18T10:30:00.000Z',
  ip_allowlist: [],
  state: 'active',
  replaced_by: null,
  revoked_at: null,
  revoked_reason: null,
  last_used_ip: '203.0.113.7',
  last_used_user_agent: 'curl/8.5',
}

export const ciKey: ApiKey = {
  id: '6f1c2a9e-0d3b-4c7e-9a51-2b8f4e6d7c10',
  prefix: 'sk_def67890',
  label: 'CI runner',
  created_at: '2025-03-02T08:00:00.000Z',
  last_used: null,
  expires_at: null,
  ip_allowlist: ['203.0.113.7', '198.51.100.0/24'],
  state: 'active',
  replaced_by: null,
  revoked_at: null,
  revoked_reason: null,
  last_used_ip: null,
  last_used_user_agent: null,
}

/** Newest first, as the API returns them. */
export const keys: ApiKey[] = [productionKey, ciKey]

export const createdKey: CreatedApiKey = {
  id: '0b7a3c1d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  prefix: 'sk_new98765',
  label: 'Staging',
  key: 'sk_new98765_Zq8xPLw3Vb7nR2tYk5mHc9sJd4fGa6uE',
  created_at: '2025-06-01T12:00:00.000Z',
  last_used: null,
  expires_at: '2025-08-30T12:00:00.000Z',
  ip_allowlist: [],
  state: 'active',
  replaced_by: null,
  revoked_at: null,
  revoked_reason: null,
  last_used_ip: null,
  last_used_user_agent: null,
}

/** A promise the test settles by hand, to observe pending states without sleeping. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  return { promise, resolve, reject }
}

/** The server's defaults, spelled out so a test reads what it relies on. */
export const policy: KeyPolicy = {
  max_key_lifetime_days: null,
  rotation_quiet_seconds: 900,
  default_grace_period_seconds: 86_400,
  max_grace_period_seconds: 604_800,
  max_ip_allowlist_entries: 50,
  expiry_presets_days: [7, 30, 60, 90],
}

/** `base` with changes, for one-off keys in a test. */
export function keyWith(base: ApiKey, changes: Partial<ApiKey>): ApiKey {
  return { ...base, ...changes }
}
