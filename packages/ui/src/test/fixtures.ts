import type { ApiKeySummary, CreatedApiKey } from '@storra/core/types'

const NOW = new Date('2025-06-01T12:00:00.000Z')
export const now = () => NOW

/** The fields issues 11 and 12 added, as a plain active key shows them. */
const ADDED_FIELDS = {
  expires_at: null,
  ip_allowlist: [],
  state: 'active',
  replaced_by: null,
  revoked_at: null,
  revoked_reason: null,
  last_used_ip: null,
  last_used_user_agent: null,
} as const satisfies Partial<ApiKeySummary>

export const productionKey: ApiKeySummary = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  prefix: 'sk_abc12345',
  label: 'Production API Key',
  created_at: '2025-05-20T10:30:00.000Z',
  last_used: '2025-06-01T11:57:00.000Z',
  ...ADDED_FIELDS,
  ip_allowlist: [],
  last_used_ip: '203.0.113.7',
  last_used_user_agent: 'curl/8.5',
}

export const ciKey: ApiKeySummary = {
  id: '6f1c2a9e-0d3b-4c7e-9a51-2b8f4e6d7c10',
  prefix: 'sk_def67890',
  label: 'CI runner',
  created_at: '2025-03-02T08:00:00.000Z',
  last_used: null,
  ...ADDED_FIELDS,
  ip_allowlist: [],
}

/** Newest first, as the API returns them. */
export const keys: ApiKeySummary[] = [productionKey, ciKey]

export const createdKey: CreatedApiKey = {
  id: '0b7a3c1d-5e6f-4a8b-9c0d-1e2f3a4b5c6d',
  prefix: 'sk_new98765',
  label: 'Staging',
  key: 'sk_new98765_Zq8xPLw3Vb7nR2tYk5mHc9sJd4fGa6uE',
  created_at: '2025-06-01T12:00:00.000Z',
  last_used: null,
  ...ADDED_FIELDS,
  ip_allowlist: [],
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
