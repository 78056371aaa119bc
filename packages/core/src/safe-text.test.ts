import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSafeText, safeText, toSafeText, UNSAFE_TEXT_MESSAGE } from './safe-text.ts'

describe('isSafeText', () => {
  it('accepts ordinary and astral text', () => {
    for (const text of ['', 'hello', 'Ünïcødé', 'emoji \u{1F511} key', '\u4E2D\u6587'])
      expect(isSafeText(text), text).toBe(true)
  })

  it('refuses NUL and unpaired surrogates anywhere', () => {
    for (const text of ['\u0000', 'a\u0000b', '\uD800', 'x\uDBFFy', '\uDC00', 'a\uDFFF', '\uDC00\uD800'])
      expect(isSafeText(text), JSON.stringify(text)).toBe(false)
  })

  it('agrees with a UTF-8 round trip for any string without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const roundTrips = Buffer.from(text, 'utf8').toString('utf8') === text
        expect(isSafeText(text)).toBe(roundTrips && !text.includes('\u0000'))
      }),
      { numRuns: 2000, seed: 17 },
    )
  })
})

describe('safeText', () => {
  it('enforces the length and the text rules as validation issues', () => {
    const schema = safeText(5)
    expect(schema.safeParse('abcde').success).toBe(true)
    expect(schema.safeParse('abcdef').success).toBe(false)
    const nul = schema.safeParse('a\u0000')
    expect(nul.success).toBe(false)
    expect(nul.error?.issues[0]?.message).toBe(UNSAFE_TEXT_MESSAGE)
    expect(schema.safeParse(5).success).toBe(false)
  })
})

describe('toSafeText', () => {
  it('replaces NULs and unpaired surrogates, keeps pairs, cuts without splitting a pair', () => {
    expect(toSafeText('a\u0000b\ud800c\udc00', 100)).toBe('a\uFFFDb\uFFFDc\uFFFD')
    expect(toSafeText('😀😀', 100)).toBe('😀😀')
    expect(toSafeText('ab😀', 3)).toBe('ab')
    expect(toSafeText('abcdef', 4)).toBe('abcd')
    expect(isSafeText(toSafeText('\ud800\u0000', 1))).toBe(true)
  })
})
