import { createHash } from 'node:crypto'

/** SHA-256 of the whole key, hex-encoded: the only form in which a key is stored. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}
