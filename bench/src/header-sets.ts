import { generateApiKey } from '@storra/core'

// Addresses from 198.18.0.0/15 (reserved for benchmarking). They only ever appear as an
// X-Forwarded-For header value on loopback requests; nothing is sent to them.
function benchmarkAddress(i: number): string {
  return `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}`
}

export function apiKeyHeaders(keys: readonly string[]): Record<string, string>[] {
  return keys.map((key) => ({ 'x-api-key': key }))
}

/**
 * Bad keys as an attacker spread over many addresses would send them (the service trusts the
 * loopback proxy in the bench): otherwise the per-IP failed-attempt limit answers 429 after
 * 120 tries and the key path is never exercised.
 */
export function spreadOverAddresses(keys: readonly string[]): Record<string, string>[] {
  return keys.map((key, i) => ({ 'x-api-key': key, 'x-forwarded-for': benchmarkAddress(i % 100_000) }))
}

/** Well-formed keys with valid checksums that no account has. */
export function unknownKeys(count: number): string[] {
  return Array.from({ length: count }, () => generateApiKey())
}

/** Half mistyped real-looking keys (checksum fails), half not keys at all. */
export function malformedKeys(count: number): string[] {
  const junk = ['hello', 'sk_short', 'Bearer sk_abc', 'sk_' + '!'.repeat(38), 'x'.repeat(41)]
  return Array.from({ length: count }, (_, i) => {
    if (i % 2) return junk[i % junk.length]!
    const key = generateApiKey()
    const last = key.at(-1) === 'a' ? 'b' : 'a'
    return key.slice(0, -1) + last
  })
}
