export type { Plan, CreatedApiKey } from '@storra/core/types'

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

export { ActivityList } from './activity-list'
export { KeyActivityPanel } from './key-activity-panel'
export { KeyUsageChart } from './key-usage-chart'

export { AccountSecurity } from './account-security'
export { BillingPanel } from './billing-panel'
export { ForgotPasswordForm, ResetPasswordForm } from './password-recovery'
export { AdminAccountsTable } from './admin-accounts-table'

export { LeakedKeysBanner } from './leaked-keys-banner'
export { isLiveKey, type ApiKey, type CreateKeyInput, type KeyChanges } from './key-lifecycle'
export { EndedKeysTable } from './ended-keys-table'
export { useNow } from './use-now'
