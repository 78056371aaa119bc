import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makePrivateDirectory, PRIVATE_FILE_MODE } from '@storra/db'

export type SessionPasswords = Record<string, string>

const MIN_SECRET_LENGTH = 32

/**
 * SESSION_SECRET is one secret, or several as `id:secret` pairs separated by commas. Cookies
 * are sealed with the highest id and opened with any, so a secret can be rotated without
 * logging everyone out: deploy `2:new,1:old`, then drop `1:old` once old cookies expired.
 */
export function parseSessionSecret(value: string): SessionPasswords {
  const entries = value.includes(':') && /^\d+:/.test(value) ? value.split(',') : [`1:${value}`]
  const passwords: SessionPasswords = {}
  for (const entry of entries) {
    const match = /^(\d+):(.*)$/s.exec(entry.trim())
    if (!match) throw new Error('SESSION_SECRET: use "secret" or "id:secret,id:secret"')
    const [, id, secret] = match
    if (secret!.length < MIN_SECRET_LENGTH)
      throw new Error(`SESSION_SECRET: each secret needs at least ${MIN_SECRET_LENGTH} characters`)
    passwords[id!] = secret!
  }
  return passwords
}

/**
 * In embedded mode without SESSION_SECRET, one is generated once and kept beside the data,
 * in a file only its owner may read (0600; an existing file's mode is repaired).
 */
export function loadOrCreateSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret')
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o777) !== PRIVATE_FILE_MODE) chmodSync(file, PRIVATE_FILE_MODE)
    return readFileSync(file, 'utf8').trim()
  }
  makePrivateDirectory(dataDir)
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret + '\n', { mode: PRIVATE_FILE_MODE, flag: 'wx' })
  chmodSync(file, PRIVATE_FILE_MODE)
  return secret
}
