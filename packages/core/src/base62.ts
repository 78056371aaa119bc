import { randomBytes } from 'node:crypto'

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

// 248 = 4 * 62: bytes at or above it are dropped so every character is equally likely.
const UNBIASED_BYTE_LIMIT = 248

/** `length` base62 characters from the operating system's CSPRNG, without modulo bias. */
export function randomBase62(length: number): string {
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_BYTE_LIMIT) continue
      out += BASE62_ALPHABET[byte % 62]
      if (out.length === length) break
    }
  }
  return out
}

/** A non-negative integer in base62, left-padded with '0' to `width` characters. */
export function encodeBase62(value: number, width: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`cannot encode ${value}`)
  let out = ''
  let rest = value
  do {
    out = BASE62_ALPHABET[rest % 62] + out
    rest = Math.floor(rest / 62)
  } while (rest > 0)
  return out.padStart(width, '0')
}
