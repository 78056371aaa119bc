import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** An ECDSA P-256 key pair standing in for one of GitHub's secret-scanning signing keys. */
export interface TestSigningKey {
  /** `Github-Public-Key-Identifier`: GitHub uses the SHA-256 (hex) of the public key. */
  id: string
  privateKey: KeyObject
  publicKeyPem: string
}

/** A fresh P-256 key pair, as GitHub signs with (ECDSA-NIST-P256V1-SHA256). */
export function createTestSigningKey(): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  return { id: createHash('sha256').update(publicKeyPem).digest('hex'), privateKey, publicKeyPem }
}

/** The headers GitHub sends with `body`, signed by `key` (base64 of the DER signature). */
export function githubSignatureHeaders(key: TestSigningKey, body: string | Buffer): Record<string, string> {
  const signature = sign('sha256', Buffer.from(body), { key: key.privateKey, dsaEncoding: 'der' })
  return { 'github-public-key-identifier': key.id, 'github-public-key-signature': signature.toString('base64') }
}

/**
 * Writes `keys` in GitHub's published format to a file in a new temporary directory, for
 * STORRA_SECRET_SCANNING_KEYS_FILE; `remove` deletes it.
 */
export function writeSigningKeysFile(keys: TestSigningKey[]): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'storra-ssk-'))
  const file = join(dir, 'secret_scanning.json')
  const public_keys = keys.map((k, i) => ({ key_identifier: k.id, key: k.publicKeyPem, is_current: i === 0 }))
  writeFileSync(file, JSON.stringify({ public_keys }, null, 2))
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
