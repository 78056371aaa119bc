import { z } from 'zod'
import { toServerOrigin } from './server-url.ts'

// Everything the renderer sends is untrusted: these schemas run in main before any request.
// They check shape and bounds; the server still applies its own rules (label contents, plans).

const serverUrl = z
  .string()
  .max(2048)
  .transform((value, context) => {
    const origin = toServerOrigin(value)
    if (origin === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'Enter the server address as an http:// or https:// URL, e.g. http://localhost:3000.',
      })
      return z.NEVER
    }
    return origin
  })

// A key prefix is `sk_` and the first 8 characters of the key (see @storra/core).
const keyPrefix = z
  .string()
  .regex(/^sk_[0-9A-Za-z]{8}$/, { error: 'Not an API key prefix (sk_ followed by 8 letters or digits).' })
const userId = z.uuid({ error: 'Not an account id.' })

export const noInput = z.undefined({ error: 'This call takes no input.' })

export const loginInput = z.strictObject({
  serverUrl,
  email: z
    .string()
    .trim()
    .min(1, { error: 'Enter your email address.' })
    .max(320, { error: 'That email address is too long.' }),
  password: z.string().min(1, { error: 'Enter your password.' }).max(4096, { error: 'That password is too long.' }),
})

const keyLabel = z.string({ error: 'The label must be text.' }).max(1024, { error: 'That label is too long.' })
// The server checks the date and the addresses; these bound the sizes only.
const expiresAt = z
  .string({ error: 'The expiry must be a date-time string or null.' })
  .max(64, { error: 'That expiry is too long.' })
  .nullable()
const ipAllowlist = z
  .array(z.string({ error: 'Each allowed address must be text.' }).max(128, { error: 'That address is too long.' }), {
    error: 'The allowed addresses must be a list.',
  })
  .max(1000, { error: 'That list of addresses is too long.' })

export const createKeyInput = z.strictObject({
  label: keyLabel.optional(),
  expires_at: expiresAt.optional(),
  ip_allowlist: ipAllowlist.optional(),
})

export const listKeysInput = z
  .strictObject({ state: z.enum(['active', 'all'], { error: 'The state must be active or all.' }).optional() })
  .optional()

export const updateKeyInput = z.strictObject({
  prefix: keyPrefix,
  label: keyLabel.optional(),
  expires_at: expiresAt.optional(),
  ip_allowlist: ipAllowlist.optional(),
})

export const rotateKeyInput = z.strictObject({
  prefix: keyPrefix,
  grace_period_seconds: z.number({ error: 'The grace period must be a number of seconds.' }).optional(),
})

export const revokeKeyInput = z.strictObject({ prefix: keyPrefix })

export const listUsersInput = z.strictObject({
  query: z.string().max(320, { error: 'That search is too long.' }).optional(),
})

export const setPlanInput = z.strictObject({
  userId,
  plan: z.enum(['free', 'pro'], { error: 'The plan must be free or pro.' }),
})

export const listUserKeysInput = z.strictObject({ userId })

export const setRoleInput = z.strictObject({
  userId,
  role: z.enum(['user', 'admin'], { error: 'The role must be user or admin.' }),
})

/** `admin.deleteUser`, `admin.resetLink`: the account. */
export const accountInput = z.strictObject({ userId })

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().max(4096, { error: 'That password is too long.' }),
  newPassword: z.string().max(4096, { error: 'That password is too long.' }),
})

export const revokeUserKeyInput = z.strictObject({ userId, prefix: keyPrefix })

export const keyUsageInput = z.strictObject({
  prefix: keyPrefix,
  window: z.enum(['24h', '7d', '30d'], { error: 'The window must be 24h, 7d or 30d.' }),
})

export const auditListInput = z
  .strictObject({
    limit: z.int().min(1).max(200).optional(),
    cursor: z.string().max(128, { error: 'That cursor is too long.' }).optional(),
    prefix: keyPrefix.optional(),
  })
  .optional()

export const accountAuditInput = z.strictObject({
  userId,
  cursor: z.string().max(128, { error: 'That cursor is too long.' }).optional(),
})

export const copySecretInput = z.strictObject({
  text: z.string().min(1, { error: 'Nothing to copy.' }).max(1024, { error: 'That is too long to copy.' }),
})

/** Bounds on what `trpc:call` accepts before looking at the procedure: UTF-16 units of its JSON, and nesting. */
const MAX_TRPC_INPUT_CHARS = 16 * 1024
const MAX_TRPC_INPUT_DEPTH = 16

/** Plain JSON data only: no Map, Date, typed array, NaN or cycle (which IPC's structured clone would carry). */
function isPlainJson(value: unknown, depth = 0): boolean {
  if (depth > MAX_TRPC_INPUT_DEPTH) return false
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every((item) => isPlainJson(item, depth + 1))
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false
  return Object.values(value).every((item) => isPlainJson(item, depth + 1))
}

const trpcInput = z.unknown().superRefine((value, context) => {
  if (value === undefined) return
  if (!isPlainJson(value)) context.addIssue({ code: 'custom', message: 'The input must be plain JSON data.' })
  else if (JSON.stringify(value).length > MAX_TRPC_INPUT_CHARS)
    context.addIssue({ code: 'custom', message: 'The input is too large.' })
})

/** The `trpc:call` envelope; which paths exist and what each input must look like is main's allowlist. */
export const trpcCallRequest = z.strictObject({
  path: z.string({ error: 'The procedure must be named.' }).max(128, { error: 'That procedure name is too long.' }),
  input: trpcInput.optional(),
})
