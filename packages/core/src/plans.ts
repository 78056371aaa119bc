import { DEFAULT_MAX_ACTIVE_KEYS } from './limits.ts'
import type { Plan } from './types.ts'

/** Only Cloud Pro accounts may call the client API. */
export function canUseClientApi(plan: Plan): boolean {
  return plan === 'pro'
}

/** Only Cloud Pro accounts may create keys; every plan may list and revoke them. */
export function canCreateApiKey(plan: Plan): boolean {
  return plan === 'pro'
}

/** True when an account holding `activeKeys` may not create another. */
export function hasReachedKeyLimit(activeKeys: number, maxActiveKeys = DEFAULT_MAX_ACTIVE_KEYS): boolean {
  return activeKeys >= maxActiveKeys
}
