import { describe, expect, it } from 'vitest'
import { IP_ALLOWLIST_MESSAGES } from './errors.ts'
import { compileIpAllowlist, isIpAllowed, normalizeIpAllowlist } from './ip-allowlist.ts'
import { MAX_IP_ALLOWLIST_ENTRIES } from './limits.ts'

// Golden vectors: what an entry is stored as.
const NORMALISED: [string, string][] = [
  ['1.2.3.4', '1.2.3.4'],
  [' 1.2.3.4 ', '1.2.3.4'],
  ['1.2.3.4/32', '1.2.3.4'],
  ['10.1.2.3/8', '10.0.0.0/8'],
  ['192.168.7.255/23', '192.168.6.0/23'],
  ['0.0.0.0/0', '0.0.0.0/0'],
  ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
  ['2001:db8::1/128', '2001:db8::1'],
  ['2001:db8:abcd:12ff::/56', '2001:db8:abcd:1200::/56'],
  ['::/0', '::/0'],
  ['::ffff:1.2.3.4', '1.2.3.4'],
  ['::ffff:10.0.0.0/104', '10.0.0.0/8'],
  ['::1', '::1'],
]

const MALFORMED = [
  '',
  'localhost',
  '1.2.3',
  '127.1',
  '0x7f.0.0.1',
  '1.2.3.256',
  '1.2.3.4/33',
  '1.2.3.4/-1',
  '1.2.3.4/',
  '1.2.3.4/8/8',
  '1.2.3.4/ 8',
  '2001:db8::1/129',
  'fe80::1%eth0',
  '2001:db8:::1',
  '1.2.3.4 5.6.7.8',
]

describe('normalizeIpAllowlist', () => {
  it.each(NORMALISED)('stores %j as %j', (input, stored) => {
    expect(normalizeIpAllowlist([input])).toEqual({ ok: true, entries: [stored] })
  })

  it.each(MALFORMED)('refuses %j naming the entry', (input) => {
    const result = normalizeIpAllowlist([input])
    expect(result).toEqual({ ok: false, message: IP_ALLOWLIST_MESSAGES.badEntry(input.trim()) })
  })

  it('treats null and undefined as the empty list (any address)', () => {
    expect(normalizeIpAllowlist(undefined)).toEqual({ ok: true, entries: [] })
    expect(normalizeIpAllowlist(null)).toEqual({ ok: true, entries: [] })
    expect(normalizeIpAllowlist([])).toEqual({ ok: true, entries: [] })
  })

  it('deduplicates after normalising, keeping the first order', () => {
    expect(normalizeIpAllowlist(['10.0.0.1', '::ffff:10.0.0.1', '2001:db8::1', '10.0.0.1/32'])).toEqual({
      ok: true,
      entries: ['10.0.0.1', '2001:db8::1'],
    })
  })

  it('refuses non-lists, non-strings and too many entries', () => {
    expect(normalizeIpAllowlist('1.2.3.4')).toEqual({ ok: false, message: IP_ALLOWLIST_MESSAGES.notList })
    expect(normalizeIpAllowlist([4])).toEqual({ ok: false, message: IP_ALLOWLIST_MESSAGES.entryNotText })
    const many = Array.from({ length: MAX_IP_ALLOWLIST_ENTRIES + 1 }, (_, i) => `10.0.0.${i}`)
    expect(normalizeIpAllowlist(many)).toEqual({ ok: false, message: IP_ALLOWLIST_MESSAGES.tooMany })
    expect(normalizeIpAllowlist(many.slice(1)).ok).toBe(true)
  })

  it('bounds the entry quoted back', () => {
    const result = normalizeIpAllowlist(['x'.repeat(10_000)])
    expect(result.ok || result.message.length).toBeLessThan(200)
  })
})

describe('isIpAllowed', () => {
  const list = compileIpAllowlist(['10.0.0.0/8', '192.168.1.7', '2001:db8::/32'])!

  it.each([
    ['10.2.3.4', true],
    ['11.0.0.1', false],
    ['192.168.1.7', true],
    ['192.168.1.8', false],
    ['::ffff:10.9.9.9', true],
    ['::ffff:192.168.1.7', true],
    ['::ffff:11.0.0.1', false],
    ['2001:db8:1::5', true],
    ['2001:db9::5', false],
    ['::1', false],
    ['not an ip', false],
  ])('%s → %s', (ip, allowed) => {
    expect(isIpAllowed(list, ip)).toBe(allowed)
  })

  it('matches nothing for an unknown client address', () => {
    expect(isIpAllowed(list, undefined)).toBe(false)
  })

  it('compiles an empty list to null (any address)', () => {
    expect(compileIpAllowlist([])).toBeNull()
  })

  it('lets 0.0.0.0/0 admit every IPv4 client, and ::/0 every IPv6 one', () => {
    expect(isIpAllowed(compileIpAllowlist(['0.0.0.0/0'])!, '203.0.113.9')).toBe(true)
    expect(isIpAllowed(compileIpAllowlist(['0.0.0.0/0'])!, '2001:db8::1')).toBe(false)
    expect(isIpAllowed(compileIpAllowlist(['::/0'])!, '2001:db8::1')).toBe(true)
  })
})
