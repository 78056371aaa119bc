import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  API_KEY_LENGTH,
  API_KEY_PATTERN,
  formatApiKey,
  generateApiKey,
  isKeyPrefix,
  isWellFormedApiKey,
  keyPrefixOf,
} from './api-key.ts'
import { BASE62_ALPHABET } from './base62.ts'
import { hashApiKey } from './hash.ts'

// Golden vectors computed independently (Python zlib.crc32 + hashlib.sha256): any change
// to the format or hash breaks every key already issued, so these must never move.
const GOLDEN = [
  {
    random: '00000000000000000000000000000000',
    key: 'sk_0000000000000000000000000000000030OBQY',
    sha256: 'f778d0e867077a7e6109dab692f92edad74fe2329ca682d4f1c5f4cc71fd27e5',
  },
  {
    random: 'abc12345ZZZZZZZZZZZZZZZZZZZZZZZZ',
    key: 'sk_abc12345ZZZZZZZZZZZZZZZZZZZZZZZZ0NiVEq',
    sha256: '12e746010c2f49f861ee87cad02dcf6f958c52946f3e8177a9f9e3a69078e1fe',
  },
  {
    random: '0123456789ABCDEFGHIJKLMNOPQRSTUV',
    key: 'sk_0123456789ABCDEFGHIJKLMNOPQRSTUV1cwdir',
    sha256: '74c69768379f8438c0badb61edc9c65e46b489a1959bcfe03457e37d27a4e749',
  },
]

describe('key format', () => {
  it.each(GOLDEN)('formats and hashes $key', ({ random, key, sha256 }) => {
    expect(formatApiKey(random)).toBe(key)
    expect(hashApiKey(key)).toBe(sha256)
    expect(isWellFormedApiKey(key)).toBe(true)
  })

  it('generates well-formed, distinct keys of the documented shape', () => {
    const keys = new Set(Array.from({ length: 2000 }, generateApiKey))
    expect(keys.size).toBe(2000)
    for (const key of keys) {
      expect(key).toHaveLength(API_KEY_LENGTH)
      expect(key).toMatch(API_KEY_PATTERN)
      expect(isWellFormedApiKey(key)).toBe(true)
      expect(keyPrefixOf(key)).toMatch(/^sk_[0-9A-Za-z]{8}$/)
    }
  })

  it('uses every base62 character (no alphabet truncation)', () => {
    const seen = new Set(Array.from({ length: 400 }, generateApiKey).join('').slice(3))
    for (const ch of BASE62_ALPHABET) expect(seen.has(ch)).toBe(true)
  })

  it('rejects any single-character change (checksum)', () => {
    const key = GOLDEN[1]!.key
    for (let i = 3; i < key.length; i++) {
      const replacement = key[i] === 'a' ? 'b' : 'a'
      const typo = key.slice(0, i) + replacement + key.slice(i + 1)
      expect(isWellFormedApiKey(typo), typo).toBe(false)
    }
  })

  it('rejects wrong shapes', () => {
    const key = GOLDEN[0]!.key
    for (const bad of [
      undefined,
      null,
      42,
      '',
      'sk_',
      key + 'x',
      key.slice(0, -1),
      'pk' + key.slice(2),
      ` ${key}`,
      key.replace('0', '-'),
    ]) {
      expect(isWellFormedApiKey(bad)).toBe(false)
    }
  })

  it('never accepts random strings of key length with a wrong checksum', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^sk_[0-9A-Za-z]{38}$/), (candidate) => {
        const valid = isWellFormedApiKey(candidate)
        expect(valid).toBe(formatApiKey(candidate.slice(3, 35)) === candidate)
      }),
    )
  })

  it('rejects a random part that is not base62', () => {
    expect(() => formatApiKey('short')).toThrow(RangeError)
    expect(() => formatApiKey('-'.repeat(32))).toThrow(RangeError)
  })

  it('recognises prefixes', () => {
    expect(isKeyPrefix('sk_abc12345')).toBe(true)
    for (const bad of ['sk_abc1234', 'sk_abc123456', 'pk_abc12345', 'sk_abc1234!', 7])
      expect(isKeyPrefix(bad)).toBe(false)
  })

  it('the secret-scanning pattern finds keys inside text', () => {
    const key = GOLDEN[2]!.key
    expect(`CLOUD_API_KEY=${key}\n`.match(API_KEY_PATTERN)?.[0]).toBe(key)
  })
})
