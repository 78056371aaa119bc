import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2_OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable as a value */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}

export const MIN_PASSWORD_LENGTH = 12
export const MAX_PASSWORD_LENGTH = 1024

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

// Verified against when the email is unknown, so both failures cost the same time.
let dummyHash: Promise<string> | undefined

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hashPassword('storra-timing-equalizer')))
  try {
    const ok = await verify(target, password)
    return ok && passwordHash !== undefined
  } catch {
    return false
  }
}
