import { describe, expect, it } from 'vitest'
import { encodeBase62, randomBase62 } from './base62.ts'

describe('base62', () => {
  it('encodes with padding', () => {
    expect(encodeBase62(0, 6)).toBe('000000')
    expect(encodeBase62(61, 1)).toBe('z')
    expect(encodeBase62(62, 1)).toBe('10')
    expect(encodeBase62(0xffffffff, 6)).toBe('4gfFC3')
  })

  it('refuses values it cannot encode', () => {
    expect(() => encodeBase62(-1, 2)).toThrow(RangeError)
    expect(() => encodeBase62(1.5, 2)).toThrow(RangeError)
  })

  it('draws characters roughly uniformly', () => {
    const counts = new Map<string, number>()
    for (const ch of randomBase62(62_000)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    expect(counts.size).toBe(62)
    // Expected 1000 each; a modulo bias on 256 would push the first 8 characters to ~1250.
    for (const n of counts.values()) expect(n).toBeGreaterThan(800)
    for (const n of counts.values()) expect(n).toBeLessThan(1200)
  })
})
