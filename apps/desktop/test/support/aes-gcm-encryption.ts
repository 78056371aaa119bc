import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { SecretEncryption } from '../../src/main/secret-encryption.ts'

const IV_BYTES = 12
const TAG_BYTES = 16

/** Real, reversible encryption standing in for Electron's safeStorage (which needs the Electron binary). */
export function createAesGcmEncryption(key: Buffer = randomBytes(32)): SecretEncryption {
  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    decrypt(ciphertext) {
      const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, IV_BYTES))
      decipher.setAuthTag(ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      )
    },
  }
}
