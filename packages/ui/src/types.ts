export type Plan = 'free' | 'pro'
export type ApiKeySummary = { id: string; prefix: string; label: string; created_at: string; last_used: string | null }
export type CreatedApiKey = ApiKeySummary & { key: string }
