import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable as a value */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}

/**
 * Hashes the password's Unicode NFC form: the same password typed on a keyboard that
 * composes accents (NFC) or one that does not (NFD) is one password (NIST SP 800-63B
 * 5.1.1.2 asks verifiers to normalise).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS)
}

// Verified against when the email is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | undefined

/**
 * True when `password` matches `passwordHash` (false, after the same work, when the hash is
 * undefined). The NFC form is tried first; hashes made before normalisation were of the
 * password exactly as typed, so when that differs it is tried too and old hashes stay valid.
 */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hashPassword('storra-timing-equalizer')))
  const normalized = password.normalize('NFC')
  try {
    let ok = await verify(target, normalized)
    if (!ok && normalized !== password) ok = await verify(target, password)
    return ok && passwordHash !== undefined
  } catch {
    return false
  }
}
