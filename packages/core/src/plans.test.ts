import { describe, expect, it } from 'vitest'
import { canCreateApiKey, canUseClientApi, hasReachedKeyLimit, planOfSubscriptionStatus } from './plans.ts'
import { DEFAULT_MAX_ACTIVE_KEYS } from './limits.ts'
import { INVALID_API_KEY_BODY, keyLimitMessage, MISSING_API_KEY_BODY, PRO_REQUIRED_BODY } from './errors.ts'

describe('plan rules', () => {
  it('only pro may use the client API and create keys', () => {
    expect(canUseClientApi('pro')).toBe(true)
    expect(canUseClientApi('free')).toBe(false)
    expect(canCreateApiKey('pro')).toBe(true)
    expect(canCreateApiKey('free')).toBe(false)
  })

  it('limits active keys to 100 by default, configurable', () => {
    expect(DEFAULT_MAX_ACTIVE_KEYS).toBe(100)
    expect(hasReachedKeyLimit(99)).toBe(false)
    expect(hasReachedKeyLimit(100)).toBe(true)
    expect(hasReachedKeyLimit(2, 3)).toBe(false)
    expect(hasReachedKeyLimit(3, 3)).toBe(true)
  })
})

describe('contract bodies', () => {
  it('match the published authentication page byte for byte', () => {
    expect(JSON.stringify(MISSING_API_KEY_BODY)).toBe(
      '{"detail":[{"type":"missing","loc":["header","X-API-Key"],"msg":"Field required","input":null}]}',
    )
    expect(JSON.stringify(INVALID_API_KEY_BODY)).toBe('{"detail":"User not found."}')
    expect(JSON.stringify(PRO_REQUIRED_BODY)).toBe(
      '{"detail":"API access requires Cloud Pro plan. Upgrade to use the API."}',
    )
    expect(keyLimitMessage(100)).toContain('100')
  })
})

describe('planOfSubscriptionStatus', () => {
  it('grants Cloud Pro to live subscriptions, Free to ended ones, and leaves the rest alone', () => {
    expect(['active', 'trialing'].map(planOfSubscriptionStatus)).toEqual(['pro', 'pro'])
    expect(['canceled', 'incomplete_expired', 'unpaid', 'paused'].map(planOfSubscriptionStatus)).toEqual([
      'free',
      'free',
      'free',
      'free',
    ])
    expect(['incomplete', 'past_due', 'something_new'].map(planOfSubscriptionStatus)).toEqual([null, null, null])
  })
})
