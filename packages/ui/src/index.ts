export type { Plan, ApiKeySummary, CreatedApiKey } from '@storra/core/types'

export { ApiKeysPanel } from './api-keys-panel'
export { KeyTable } from './key-table'
export { KeyTableSkeleton } from './key-table-skeleton'

export { RevokeKeyDialog } from './revoke-key-dialog'
export { PlanBadge } from './plan-badge'

export { Button, buttonClassName } from './button'
export { Spinner } from './spinner'
export { ErrorMessage } from './error-message'
export { Timestamp } from './timestamp'

export { formatDate } from './format-date'
export { getErrorMessage } from './get-error-message'
export { TextField } from './text-field'
export { TableHeader } from './table-header'

export {
  KEY_STATES,
  REVOKE_REASONS,
  DEFAULT_KEY_POLICY,
  isLiveKey,
  type ApiKey,
  type KeyState,
  type RevokeReason,
  type KeyPolicy,
  type CreateKeyInput,
  type KeyChanges,
} from './key-lifecycle'
export { RotateKeyDialog } from './rotate-key-dialog'
export { EditKeyDialog } from './edit-key-dialog'
export { EndedKeysTable } from './ended-keys-table'
export { ExpiringKeysNotice } from './expiring-keys-notice'
export { KeyStatus } from './key-status'
