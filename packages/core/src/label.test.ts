import { describe, expect, it } from 'vitest'
import { normalizeKeyLabel } from './label.ts'
import { DEFAULT_KEY_LABEL } from './limits.ts'

describe('normalizeKeyLabel', () => {
  it('trims and keeps ordinary labels', () => {
    expect(normalizeKeyLabel('  Production API Key ')).toEqual({ ok: true, label: 'Production API Key' })
    expect(normalizeKeyLabel('Clé 🔑 生产')).toEqual({ ok: true, label: 'Clé 🔑 生产' })
  })

  it('defaults a missing or blank label', () => {
    for (const input of [undefined, null, '', '   '])
      expect(normalizeKeyLabel(input)).toEqual({ ok: true, label: DEFAULT_KEY_LABEL })
  })

  it('counts characters, not UTF-16 units, up to 100', () => {
    expect(normalizeKeyLabel('🔑'.repeat(100)).ok).toBe(true)
    expect(normalizeKeyLabel('a'.repeat(101)).ok).toBe(false)
  })

  it('rejects non-strings and control characters', () => {
    expect(normalizeKeyLabel(42)).toEqual({ ok: false, message: 'label must be a string' })
    expect(normalizeKeyLabel('a\nb').ok).toBe(false)
    expect(normalizeKeyLabel('a\u0000b').ok).toBe(false)
  })
})
