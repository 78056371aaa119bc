export const PLANS = ['free', 'pro'] as const
export type Plan = (typeof PLANS)[number]
export type Role = 'user' | 'admin'

export const DEFAULT_MAX_ACTIVE_KEYS = 100

/** Only Cloud Pro accounts may call the client API. */
export function canUseClientApi(plan: Plan): boolean {
  return plan === 'pro'
}

/** Only Cloud Pro accounts may create keys; every plan may list and revoke them. */
export function canCreateApiKey(plan: Plan): boolean {
  return plan === 'pro'
}

export function hasReachedKeyLimit(activeKeys: number, maxActiveKeys = DEFAULT_MAX_ACTIVE_KEYS): boolean {
  return activeKeys >= maxActiveKeys
}
