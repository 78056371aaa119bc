// The view types live in @storra/core, where the renderers import them too.
export type { AdminUser, ApiKeyPolicy, ApiKeySummary, ClientUser, CreatedApiKey, SessionUser } from '@storra/core/types'
