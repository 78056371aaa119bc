import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { z } from 'zod'

/** GitHub's published format (api.github.com/meta/public_keys/secret_scanning). */
const keysFileSchema = z.object({
  public_keys: z.array(
    z.object({ key_identifier: z.string().min(1), key: z.string().min(1), is_current: z.boolean() }),
  ),
})

/** How often, at most, an unknown key id makes us look at the file again (GitHub rotates keys). */
const RELOAD_INTERVAL_MS = 60_000

function versionOf(file: string): string {
  const stat = statSync(file)
  return `${stat.mtimeMs}:${stat.size}`
}

/** What a signature check concluded; only `valid` lets a payload through. */
export type SignatureCheck = 'valid' | 'missing' | 'unknown-key' | 'invalid'

/**
 * GitHub's secret-scanning signing keys, read from the operator's copy of GitHub's key list.
 * An unknown key id re-reads the file when it has changed (at most once a minute), so a key
 * GitHub starts using is picked up without a restart.
 */
export class GithubSigningKeys {
  private keys = new Map<string, KeyObject>()
  /** mtime and size of the file as last read: a refresh changes one or both. */
  private loadedVersion = ''
  private lastLookMs = 0

  /** Reads `file` now; throws (naming the file) when it is unreadable or not in GitHub's format. */
  constructor(private readonly file: string | undefined) {
    if (file) this.load()
  }

  private load(): void {
    const file = this.file!
    try {
      const version = versionOf(file)
      const parsed = keysFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
      const keys = new Map<string, KeyObject>()
      for (const entry of parsed.public_keys) {
        const key = createPublicKey(entry.key)
        // ECDSA-NIST-P256V1-SHA256 is the only algorithm GitHub signs with.
        if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
          throw new Error(`key ${entry.key_identifier} is not an ECDSA P-256 key`)
        }
        keys.set(entry.key_identifier, key)
      }
      this.keys = keys
      this.loadedVersion = version
    } catch (error) {
      throw new Error(`STORRA_SECRET_SCANNING_KEYS_FILE ${file}: ${(error as Error).message}`, { cause: error })
    }
  }

  private find(id: string): KeyObject | undefined {
    const key = this.keys.get(id)
    if (key || !this.file || Date.now() - this.lastLookMs < RELOAD_INTERVAL_MS) return key
    this.lastLookMs = Date.now()
    try {
      if (versionOf(this.file) !== this.loadedVersion) this.load()
    } catch {
      // A file broken while running keeps the keys we have; startup reports a bad file.
    }
    return this.keys.get(id)
  }

  /**
   * Checks GitHub's `Github-Public-Key-Signature` (base64 of a DER ECDSA signature over the
   * SHA-256 of the raw body) with the key `Github-Public-Key-Identifier` names. `rawBody`
   * must be the bytes as received: GitHub signs them, not a re-serialisation.
   */
  check(keyId: string | undefined, signature: string | undefined, rawBody: Buffer): SignatureCheck {
    if (!keyId || !signature) return 'missing'
    const key = this.find(keyId)
    if (!key) return 'unknown-key'
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return 'invalid'
    try {
      return verify('sha256', rawBody, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'))
        ? 'valid'
        : 'invalid'
    } catch {
      return 'invalid' // a DER blob OpenSSL cannot even parse
    }
  }
}
