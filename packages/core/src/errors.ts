/**
 * Every sentence the product shows a person or a client when something is refused or fails.
 * Pure: imported by the server, the CLI and both renderers (`@storra/core/errors`).
 */
import {
  MAX_GRACE_PERIOD_SECONDS,
  MAX_IP_ALLOWLIST_ENTRIES,
  MAX_LABEL_LENGTH,
  MAX_LEAK_REPORT_CREDENTIAL_LENGTH,
  MAX_LEAK_REPORT_CREDENTIALS,
  MAX_PASSWORD_LENGTH,
  MAX_SECRET_SCANNING_MATCHES,
  MIN_PASSWORD_LENGTH,
} from './limits.ts'

/** The client API's error bodies, exactly as the published authentication page shows them. */
export const MISSING_API_KEY_BODY = {
  detail: [
    {
      type: 'missing',
      loc: ['header', 'X-API-Key'],
      msg: 'Field required',
      input: null,
    },
  ],
} as const

export const INVALID_API_KEY_BODY = { detail: 'User not found.' } as const

const PRO_REQUIRED_MESSAGE = 'API access requires Cloud Pro plan. Upgrade to use the API.'
export const PRO_REQUIRED_BODY = { detail: PRO_REQUIRED_MESSAGE } as const

/** Client API messages (`{"detail": ...}`) other than the contract's bodies above. */
export const CLIENT_API_MESSAGES = {
  notFound: 'Not Found',
  tooManyFailedKeys: 'Too many failed API key attempts. Try again later.',
  keyRateLimited: 'Rate limit exceeded for this API key. Slow down and retry.',
  /** 403: a valid key used from an address outside its IP allowlist. */
  ipNotAllowed: 'This API key cannot be used from your IP address.',
} as const

/** The 403 body for a key used from outside its IP allowlist. */
export const IP_NOT_ALLOWED_BODY = { detail: CLIENT_API_MESSAGES.ipNotAllowed } as const

/** Dashboard messages (`{"error": ...}`, and the tRPC envelope's `message`). */
export const DASHBOARD_MESSAGES = {
  invalidCredentials: 'Invalid email or password.',
  notAuthenticated: 'Not authenticated.',
  bearerNotAccepted: 'Dashboard routes use the session cookie; Authorization headers are not accepted.',
  proRequiredForKeys: 'Creating API keys requires the Cloud Pro plan. Upgrade at /dashboard/settings.',
  keyNotFound: 'API key not found.',
  keyAlreadyRotating: 'This API key is already being replaced. Revoke it, or rotate its replacement.',
  adminOnly: 'This action requires an admin account.',
  userNotFound: 'Account not found.',
  notFound: 'Not found.',
  crossSite: 'Cross-site request refused.',
  jsonOnly: 'Content-Type must be application/json.',
  bodyNotObject: 'Request body must be a JSON object.',
  tooManyLogins: 'Too many failed login attempts. Try again later.',
  wrongCurrentPassword: 'Current password is incorrect.',
  invalidEmail: 'Enter a valid email address.',
  passwordTooShort: `Passwords must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  passwordTooLong: `Passwords must be at most ${MAX_PASSWORD_LENGTH} characters.`,
  passwordWorkBusy: 'Too many sign-ins are being checked at once. Please retry in a moment.',
  invalidAuditCursor: 'cursor is not a cursor this audit log gave out.',
  billingNotConfigured:
    'Online upgrades are not set up on this installation: the operator changes plans with "storra users set-plan" or the admin console.',
  noBillingAccount: 'This account has no billing account yet. Upgrade to Cloud Pro first.',
  alreadyPro: 'This account is already on Cloud Pro. Use “Manage billing” to change the subscription.',
  billingUnavailable: 'Billing is unavailable right now. Please retry shortly.',
  invalidResetLink: 'This password reset link is invalid, used or expired. Ask for a new one.',
  passwordRecoveryOff:
    'Password reset by email is not set up on this installation. Ask an administrator for a reset link.',
  tooManyResetRequests: 'Too many password reset requests. Try again later.',
  cannotChangeOwnRole: 'Admins cannot change their own role; ask another admin.',
  cannotDeleteSelf: 'Admins cannot delete their own account here; ask another admin or use the CLI.',
} as const

/** Answers of the Stripe webhook (`{"error": ...}` on refusal). */
export const BILLING_WEBHOOK_MESSAGES = {
  missingSignature: 'Missing Stripe-Signature header.',
  badSignature: 'Invalid Stripe signature or stale timestamp.',
} as const

/** Sentences of the account screens (settings, login, reset page) that web and desktop share. */
export const ACCOUNT_MESSAGES = {
  resetRequested: 'If an account exists for that email, a reset link is on its way. It works once, for one hour.',
  passwordChanged: 'Password changed. Every other session has been logged out.',
  passwordReset: 'Password set. Every session of the account has ended; sign in with the new password.',
  upgradeHowTo:
    'Upgrades are handled by the operator of this installation: they change plans with "storra users set-plan --email <you> --plan pro" or in the admin console. Contact them to upgrade.',
} as const

/** Create refused (409): the account holds `max` active keys already. */
export function keyLimitMessage(max: number): string {
  return `This account already has ${max} active API keys, the most allowed. Revoke one to create another.`
}

/** Account creation refused (409): the (normalised) email is taken. */
export function emailTakenMessage(email: string): string {
  return `An account with email ${email} already exists.`
}

/** Why a key label was refused (the create call answers 400 with it). */
export const LABEL_MESSAGES = {
  notText: 'label must be a string',
  tooLong: `label must be at most ${MAX_LABEL_LENGTH} characters`,
  controlCharacters: 'label must not contain control characters',
} as const

/** Why a key's `expires_at` was refused (400, naming the field). */
export const EXPIRES_AT_MESSAGES = {
  notText: 'expires_at must be an ISO-8601 UTC date-time string (e.g. 2030-01-01T00:00:00Z) or null',
  malformed: 'expires_at must be an ISO-8601 UTC date-time such as 2030-01-01T00:00:00Z',
  notFuture: 'expires_at must be in the future',
  neverNotAllowed: (days: number) => `expires_at is required: keys on this server live at most ${days} days`,
  tooFar: (days: number) => `expires_at must be at most ${days} days from now`,
  /** An edit: the maximum lifetime counts from the key's creation, so edits cannot extend it. */
  tooFarFromCreation: (days: number) => `expires_at must be at most ${days} days after the key was created`,
  /** 409: a rotating key's end is its grace period's (issue 11); rotate again or revoke instead. */
  rotating:
    'expires_at cannot be changed while the key is being replaced: its grace period decides when it ends. Revoke it to end it now.',
} as const

/** Why a key's `ip_allowlist` was refused (400, naming the field and the entry). */
export const IP_ALLOWLIST_MESSAGES = {
  notList: 'ip_allowlist must be a list of IP addresses or CIDR ranges',
  tooMany: `ip_allowlist may hold at most ${MAX_IP_ALLOWLIST_ENTRIES} entries`,
  badEntry: (entry: string) => `ip_allowlist entry "${entry}" is not an IPv4/IPv6 address or CIDR range`,
  entryNotText: 'ip_allowlist entries must be strings',
} as const

/** Why a rotation's `grace_period_seconds` was refused. */
export const GRACE_PERIOD_MESSAGES = {
  outOfRange: `grace_period_seconds must be a whole number from 0 to ${MAX_GRACE_PERIOD_SECONDS}`,
} as const

/**
 * Public leak endpoints (`/api/v1/public/*`, `{"error": ...}`). None of them says whether a
 * key exists: only the shape of the request is ever refused.
 */
export const LEAK_REPORT_MESSAGES = {
  credentialsInvalid: `credentials must be an array of 1 to ${MAX_LEAK_REPORT_CREDENTIALS} strings of at most ${MAX_LEAK_REPORT_CREDENTIAL_LENGTH} characters`,
  tooManyReports: 'Too many revocation requests from this address. Try again later.',
  signatureMissing: 'Missing Github-Public-Key-Identifier or Github-Public-Key-Signature header.',
  signatureInvalid: 'The payload signature does not verify.',
  unknownSigningKey: 'Unknown Github-Public-Key-Identifier.',
  matchesInvalid: `The body must be a JSON array of 1 to ${MAX_SECRET_SCANNING_MATCHES} objects with string token, type, url and source.`,
} as const

/** The owner's notice after a public leak report revoked one of their keys. */
export function leakRevokedNotice(prefix: string, label: string, revokedOn: string): string {
  return `${prefix} "${label}" was revoked on ${revokedOn} because it was reported as leaked.`
}

/** Refusals that can happen on any route, before or around its own logic; each family wraps them in its shape. */
export const HTTP_MESSAGES = {
  internal: 'Internal server error.',
  databaseUnavailable: 'The service is temporarily unavailable. Please retry shortly.',
  methodNotAllowed: 'Method Not Allowed',
  badRequest: 'Bad request.',
  bodyTooLarge: 'Request body too large.',
  bodyNotJson: 'Request body is not valid JSON.',
  encodingUnsupported: 'Unsupported content encoding.',
  charsetUnsupported: 'Unsupported charset; send UTF-8 JSON.',
  requestAborted: 'Request aborted.',
  bodyLengthMismatch: 'Request size did not match Content-Length.',
  /** Node refused the request before routing (bad header, bad framing, unknown method). */
  malformedRequest: 'Malformed HTTP request.',
  headersTooLarge: 'Request headers too large.',
  requestTimeout: 'Request timed out.',
  /** An HTTP/1.1 request without Host (RFC 9112 §3.2: a server must answer 400). */
  hostMissing: 'Missing Host header.',
  /** An Expect other than 100-continue (RFC 9110 §10.1.1: 417). */
  expectationFailed: 'Unsupported Expect header; only 100-continue is supported.',
} as const

/** Messages the web and desktop apps show for failures that have no server sentence. */
export const APP_MESSAGES = {
  networkError: 'Couldn’t reach Storra Cloud. Check your connection and try again.',
  sessionExpired: 'Your session has ended. Sign in again.',
  invalidRequest: 'The server rejected the request as invalid.',
} as const

// tRPC's own input validation once answered with the JSON list of issues as its message.
const ISSUE_DUMP = /^\s*[[{]/

/**
 * The sentence an API client shows for an error answer (`code` is the tRPC error code). The
 * server's messages for expected failures are written for people and pass through; internal
 * failures and anything that reads like a data dump become `fallback`.
 */
export function userMessageOf(answer: { code: string; message: string }, fallback: string): string {
  if (answer.code === 'INTERNAL_SERVER_ERROR' || ISSUE_DUMP.test(answer.message)) return fallback
  return answer.message || fallback
}
