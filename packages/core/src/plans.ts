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

/**
 * The plan a Stripe subscription in `status` grants: `active` and `trialing` give Cloud Pro;
 * an ended subscription (`canceled`, `incomplete_expired`, `unpaid`, `paused`) gives Free;
 * `incomplete` and `past_due` are in between and change nothing (null): Stripe retries the
 * payment and reports the outcome in a later event. Source: Stripe's Subscription object
 * `status` documentation (docs.stripe.com/billing/subscriptions/overview#subscription-statuses).
 */
export function planOfSubscriptionStatus(status: string): Plan | null {
  if (status === 'active' || status === 'trialing') return 'pro'
  if (['canceled', 'incomplete_expired', 'unpaid', 'paused'].includes(status)) return 'free'
  return null
}
