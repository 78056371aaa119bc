import { z } from 'zod'
import {
  MAX_AUDIT_CURSOR_LENGTH,
  MAX_AUDIT_PAGE_SIZE,
  MAX_EMAIL_INPUT_LENGTH,
  MAX_EXPIRES_AT_INPUT_LENGTH,
  MAX_KEY_PREFIX_INPUT_LENGTH,
  MAX_LEAK_REPORT_CREDENTIAL_LENGTH,
  MAX_LEAK_REPORT_CREDENTIALS,
  MAX_PASSWORD_INPUT_LENGTH,
  MAX_RESET_TOKEN_INPUT_LENGTH,
  MAX_SECRET_SCANNING_MATCHES,
  PLANS,
  ROLES,
  safeText,
  USAGE_WINDOWS,
} from '@storra/core'

// The procedures' input schemas, each field defined once. They bound sizes only: the rules
// themselves (label contents, password strength, prefix format) live in the services, so REST,
// tRPC and the CLI refuse the same inputs with the same sentences.

// A login's fields are not safeText: a login answers any text it cannot match with 401, as a
// wrong password (authenticateUser checks the same rule), never with a 400 that tells them apart.
const email = z.string().max(MAX_EMAIL_INPUT_LENGTH)
const password = z.string().max(MAX_PASSWORD_INPUT_LENGTH)
// Everything else that can reach SQL is checked at the edge: no NUL, no lone surrogate.
const keyPrefix = safeText(MAX_KEY_PREFIX_INPUT_LENGTH)
const userId = z.uuid()

/** `auth.login` and `POST /login`. */
export const loginInput = z.object({ email, password })
/** `auth.changePassword` and `POST /users/me/password`. */
export const changePasswordInput = z.object({
  currentPassword: password,
  newPassword: safeText(MAX_PASSWORD_INPUT_LENGTH),
})
// A key's editable fields. The 16 KB body limit bounds the label and the allowlist; the
// services check their contents (label rules, ISO-8601 UTC dates, addresses and CIDR ranges).
// null and omitted differ: `expires_at: null` asks for a key that never expires.
const keyFields = {
  label: safeText().nullish(),
  expires_at: safeText(MAX_EXPIRES_AT_INPUT_LENGTH).nullable().optional(),
  ip_allowlist: z.array(safeText()).nullable().optional(),
}

/** A key's fields as a body: create's, and the changes of an edit (`PATCH`). Unknown fields are refused. */
export const keyFieldsBody = z.strictObject(keyFields)
/** `apiKeys.create` and `POST /users/me/api-keys`: `label`, `expires_at`, `ip_allowlist`, all optional. */
export const createKeyInput = keyFieldsBody.optional()
/** `GET /users/me/api-keys?state=all`: `active` (default: usable keys) or `all`. */
export const listKeysQuery = z.object({
  state: z.enum(['active', 'all']).optional().meta({ description: '`all` also lists expired and revoked keys.' }),
})
/** `apiKeys.list`. */
export const listKeysInput = listKeysQuery.optional()
/** `apiKeys.revoke` and `DELETE /users/me/api-keys/{prefix}`; also the `{prefix}` of every key path. */
export const revokeKeyInput = z.object({ prefix: keyPrefix })
/** `apiKeys.update` and `PATCH /users/me/api-keys/{prefix}`: any of the key's fields; no others. */
export const updateKeyInput = keyFieldsBody.extend(revokeKeyInput.shape)
/** The body of `POST /users/me/api-keys/{prefix}/rotate`; the service checks the range. */
export const rotateKeyBody = z.strictObject({ grace_period_seconds: z.number().optional() })
/** `apiKeys.rotate`. */
export const rotateKeyInput = rotateKeyBody.extend(revokeKeyInput.shape)
/** `admin.listUsers`: an optional search in email addresses. */
export const listUsersInput = z.object({ query: safeText(MAX_EMAIL_INPUT_LENGTH).optional() }).optional()
/** `admin.setPlan`. */
export const setPlanInput = z.object({ userId, plan: z.enum(PLANS) })
/** `admin.listKeys`. */
export const userKeysInput = z.object({ userId })
/** `admin.revokeKey`. */
export const revokeUserKeyInput = revokeKeyInput.extend({ userId })
/** `audit.list` and `GET /users/me/audit-log`: a page size, the previous page's cursor, one key. */
export const auditListInput = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE_SIZE).optional(),
    cursor: safeText(MAX_AUDIT_CURSOR_LENGTH).optional(),
    prefix: keyPrefix.optional(),
  })
  .optional()
/** `admin.auditLog`: every account's events, or one account's. */
export const adminAuditListInput = z
  .object({
    userId: userId.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE_SIZE).optional(),
    cursor: safeText(MAX_AUDIT_CURSOR_LENGTH).optional(),
    prefix: keyPrefix.optional(),
  })
  .optional()
/** `apiKeys.usage` and `GET /users/me/api-keys/{prefix}/usage`. */
export const keyUsageInput = z.object({ prefix: keyPrefix, window: z.enum(USAGE_WINDOWS).default('24h') })
/** `admin.setRole`. */
export const setRoleInput = z.object({ userId, role: z.enum(ROLES) })
/** `admin.deleteUser` and `admin.resetLink`: the account. */
export const adminUserInput = z.object({ userId })
/** `auth.requestPasswordReset` and `POST /password-reset/request`: the email is matched, never validated aloud. */
export const requestPasswordResetInput = z.object({ email })
/** `auth.resetPassword` and `POST /password-reset`: the link's token and the new password. */
export const resetPasswordInput = z.object({
  token: z.string().max(MAX_RESET_TOKEN_INPUT_LENGTH),
  password: safeText(MAX_PASSWORD_INPUT_LENGTH),
})

/**
 * `POST /api/v1/public/credentials/revoke`: 1 to 1,000 strings. Any string is accepted (only
 * well-formed keys are looked up), so the answer never hints at what a key should look like.
 */
export const leakReportInput = z
  .object({
    credentials: z
      .array(z.string().max(MAX_LEAK_REPORT_CREDENTIAL_LENGTH))
      .min(1)
      .max(MAX_LEAK_REPORT_CREDENTIALS)
      .meta({
        description: 'The leaked keys, as found (`sk_...`).',
        examples: [['sk_0000000000000000000000000000000030OBQY']],
      }),
  })
  .meta({ examples: [{ credentials: ['sk_0000000000000000000000000000000030OBQY'] }] })

/** `POST /api/v1/public/secret-scanning/github`: GitHub's partner alert, a JSON array of matches. */
export const secretScanningAlertInput = z
  .array(
    z.object({
      token: z.string().meta({ description: 'The matched text.' }),
      type: z.string().meta({ description: 'The secret type registered with GitHub.', examples: ['storra_api_key'] }),
      url: z.string().meta({ description: 'Where GitHub found it (may be empty).' }),
      source: z.string().meta({ description: 'What GitHub scanned: `content`, `commit`, `issue_comment`, ….' }),
    }),
  )
  .min(1)
  .max(MAX_SECRET_SCANNING_MATCHES)
