import { describe, expect, it } from 'vitest'
import type { ApiKeySummary, AuditEvent } from '@storra/core/types'
import { auditEventsToCsv, describeLastUse, staleKeyFlags } from './key-activity'

const NOW = new Date('2030-06-15T12:00:00.000Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString()

function key(overrides: Partial<ApiKeySummary> = {}): ApiKeySummary {
  return {
    id: '1',
    prefix: 'sk_abc12345',
    label: 'k',
    created_at: daysAgo(30),
    last_used: null,
    expires_at: null,
    ip_allowlist: [],
    state: 'active',
    replaced_by: null,
    revoked_at: null,
    revoked_reason: null,
    last_used_ip: null,
    last_used_user_agent: null,
    ...overrides,
  }
}

describe('describeLastUse', () => {
  it('says when, from where and with what', () => {
    const used = key({
      last_used: new Date(NOW.getTime() - 3 * 60_000).toISOString(),
      last_used_ip: '203.0.113.7',
      last_used_user_agent: 'curl/8.5',
    })
    expect(describeLastUse(used, NOW)).toBe('Last used 3 minutes ago from 203.0.113.7 (curl/8.5)')
    expect(describeLastUse(key(), NOW)).toBe('Never used')
  })
})

describe('staleKeyFlags', () => {
  it('flags never used, unused, expiring and revoked-but-tried keys', () => {
    expect(staleKeyFlags(key(), undefined, NOW).map((f) => f.kind)).toEqual(['never_used'])
    expect(staleKeyFlags(key({ created_at: daysAgo(3) }), undefined, NOW)).toEqual([])
    expect(staleKeyFlags(key({ last_used: daysAgo(100) }), undefined, NOW)).toEqual([
      { kind: 'unused', text: 'Unused for 100 days' },
    ])
    expect(staleKeyFlags(key({ last_used: daysAgo(1), expires_at: daysAgo(-2) }), undefined, NOW)).toEqual([
      { kind: 'expiring', text: 'Expires in 2 days' },
    ])
    // 2.4 days left: the same rounding and words as the API Keys notice ("in 2 days", not 3).
    expect(staleKeyFlags(key({ last_used: daysAgo(1), expires_at: daysAgo(-2.4) }), undefined, NOW)).toEqual([
      { kind: 'expiring', text: 'Expires in 2 days' },
    ])
    // A rotating key's end is planned: neither the notice nor the flags call it expiring.
    expect(
      staleKeyFlags(key({ last_used: daysAgo(1), expires_at: daysAgo(-1), state: 'rotating' }), undefined, NOW),
    ).toEqual([])
    const revoked = key({ state: 'revoked', revoked_at: daysAgo(2), revoked_reason: 'user' })
    expect(staleKeyFlags(revoked, { prefix: 'sk_abc12345', hourly: [], revoked_today: 37 }, NOW)).toEqual([
      { kind: 'revoked_but_tried', text: 'revoked 2 days ago, tried 37 times today' },
    ])
    expect(staleKeyFlags(revoked, undefined, NOW)).toEqual([])
  })
})

describe('auditEventsToCsv', () => {
  it('quotes every cell and defuses formulas', () => {
    const event: AuditEvent = {
      id: 'e1',
      type: 'api_key.created',
      actor: 'user',
      key_prefix: 'sk_abc12345',
      ip: '203.0.113.7',
      user_agent: '=HYPERLINK("x")',
      created_at: '2030-06-15T12:00:00.000Z',
      details: { label: 'a "b"' },
    }
    expect(auditEventsToCsv([event])).toBe(
      'created_at,type,actor,key_prefix,ip,user_agent,details\r\n' +
        '"2030-06-15T12:00:00.000Z","api_key.created","user","sk_abc12345","203.0.113.7","\'=HYPERLINK(""x"")","{""label"":""a \\""b\\""""}"\r\n',
    )
  })
})
