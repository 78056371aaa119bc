import { z } from 'zod'
import {
  MAX_EMAIL_INPUT_LENGTH,
  MAX_KEY_PREFIX_INPUT_LENGTH,
  MAX_PASSWORD_INPUT_LENGTH,
  MAX_RESET_TOKEN_INPUT_LENGTH,
  PLANS,
  ROLES,
  safeText,
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
/** `apiKeys.create` and `POST /users/me/api-keys`; the 16 KB body limit bounds the label. */
export const createKeyInput = z.object({ label: safeText().nullish() }).optional()
/** `apiKeys.revoke` and `DELETE /users/me/api-keys/{prefix}`. */
export const revokeKeyInput = z.object({ prefix: keyPrefix })
/** `admin.listUsers`: an optional search in email addresses. */
export const listUsersInput = z.object({ query: safeText(MAX_EMAIL_INPUT_LENGTH).optional() }).optional()
/** `admin.setPlan`. */
export const setPlanInput = z.object({ userId, plan: z.enum(PLANS) })
/** `admin.listKeys`. */
export const userKeysInput = z.object({ userId })
/** `admin.revokeKey`. */
export const revokeUserKeyInput = revokeKeyInput.extend({ userId })
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
