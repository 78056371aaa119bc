/**
 * Encryption for what is kept on disk. The Electron shell passes `safeStorage` (Keychain,
 * DPAPI, libsecret/kwallet); the tests pass a real AES-GCM implementation.
 */
export interface SecretEncryption {
  encrypt(plaintext: string): Buffer
  /** Throws when the data was not encrypted by this machine's key (or was altered). */
  decrypt(ciphertext: Buffer): string
}
