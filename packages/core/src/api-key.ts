import { crc32 } from 'node:zlib'
import { encodeBase62, randomBase62 } from './base62.ts'

/**
 * Key format: `sk_` + 32 random base62 characters (≈190 bits) + 6 base62 characters of the
 * CRC32 of everything before them. The checksum lets us reject mistyped or made-up keys
 * without a database lookup, as GitHub's tokens do.
 */
const API_KEY_PREFIX = 'sk_'
const API_KEY_RANDOM_LENGTH = 32
const API_KEY_CHECKSUM_LENGTH = 6
export const API_KEY_LENGTH = API_KEY_PREFIX.length + API_KEY_RANDOM_LENGTH + API_KEY_CHECKSUM_LENGTH
/** What identifies a key in the dashboard and in revoke URLs: `sk_` + 8 characters. */
const KEY_PREFIX_LENGTH = 11

/** For secret scanners: matches a whole Storra API key. */
export const API_KEY_PATTERN = /\bsk_[0-9A-Za-z]{38}\b/
const API_KEY_EXACT = /^sk_[0-9A-Za-z]{38}$/
const KEY_PREFIX_EXACT = /^sk_[0-9A-Za-z]{8}$/

function checksumOf(body: string): string {
  return encodeBase62(crc32(body), API_KEY_CHECKSUM_LENGTH)
}

export function generateApiKey(): string {
  return formatApiKey(randomBase62(API_KEY_RANDOM_LENGTH))
}

/** Builds a key from its random part; exposed so the format has golden vectors. */
export function formatApiKey(randomPart: string): string {
  if (!/^[0-9A-Za-z]{32}$/.test(randomPart)) throw new RangeError('random part must be 32 base62 characters')
  const body = API_KEY_PREFIX + randomPart
  return body + checksumOf(body)
}

/** True when `value` has the key's shape and its checksum matches. Never touches storage. */
export function isWellFormedApiKey(value: unknown): value is string {
  if (typeof value !== 'string' || !API_KEY_EXACT.test(value)) return false
  const split = API_KEY_LENGTH - API_KEY_CHECKSUM_LENGTH
  return checksumOf(value.slice(0, split)) === value.slice(split)
}

export function keyPrefixOf(key: string): string {
  return key.slice(0, KEY_PREFIX_LENGTH)
}

export function isKeyPrefix(value: unknown): value is string {
  return typeof value === 'string' && KEY_PREFIX_EXACT.test(value)
}

// Anywhere in a text, with no word boundaries: a key glued to other characters (`?k=sk_…`,
// `xsk_…`, a longer run of base62) is still a key as far as a reader of the log is concerned.
const API_KEY_ANYWHERE = /sk_[0-9A-Za-z]{38}/g

/** What replaces the secret part of a key in redacted text; the prefix (`sk_` + 8) is not secret. */
const REDACTED_KEY_MARK = '[redacted]'

/**
 * Replaces every run of `sk_` + 38 base62 characters in `text` with the key's public prefix
 * followed by `[redacted]`, whether or not its checksum is valid (a mistyped key is a secret
 * too). Cheap when there is nothing to do: texts without `sk_` are returned as they are,
 * so a logger can call it on every line.
 */
export function redactApiKeys(text: string): string {
  if (!text.includes(API_KEY_PREFIX)) return text
  return text.replace(API_KEY_ANYWHERE, (key) => key.slice(0, KEY_PREFIX_LENGTH) + REDACTED_KEY_MARK)
}
