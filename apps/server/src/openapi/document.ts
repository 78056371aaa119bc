import { z } from 'zod'
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi'
import {
  BILLING_WEBHOOK_MESSAGES,
  CLIENT_API_MESSAGES,
  DASHBOARD_MESSAGES,
  DEFAULT_MAX_ACTIVE_KEYS,
  EXPIRES_AT_MESSAGES,
  GRACE_PERIOD_MESSAGES,
  hashApiKey,
  HTTP_MESSAGES,
  INVALID_API_KEY_BODY,
  IP_ALLOWLIST_MESSAGES,
  IP_NOT_ALLOWED_BODY,
  JSON_TOO_DEEP_MESSAGE,
  keyLimitMessage,
  LABEL_MESSAGES,
  LEAK_REPORT_MESSAGES,
  MISSING_API_KEY_BODY,
  PRO_REQUIRED_BODY,
} from '@storra/core'
import {
  apiKeySummarySchema,
  auditListInput,
  auditLogPageSchema,
  keyUsageInput,
  keyUsageSchema,
  changePasswordInput,
  clientErrorBodySchema,
  clientUserSchema,
  createdApiKeySchema,
  dashboardErrorBodySchema,
  keyFieldsBody,
  leakReportInput,
  leakReportReceivedSchema,
  listKeysQuery,
  loginInput,
  missingApiKeyBodySchema,
  okBodySchema,
  redirectUrlBodySchema,
  requestPasswordResetInput,
  resetPasswordInput,
  revokedBodySchema,
  webhookOutcomeSchema,
  revokeKeyInput,
  rotateKeyBody,
  secretScanningAlertInput,
  secretScanningLabelsSchema,
  sessionUserBodySchema,
} from '@storra/api'
import { SESSION_COOKIE } from '../dashboard/session.ts'
import { PUBLIC_API_BASE } from '../public/router.ts'
import { healthBodySchema, readinessBodySchema } from './health-schemas.ts'

/** The document this server serves at {@link OPENAPI_PATH}: an OpenAPI 3.1 object (plain JSON). */
export type OpenApiDocument = ReturnType<typeof createDocument>

/** Where the document is served. */
export const OPENAPI_PATH = '/api/v1/openapi.json'

const CLIENT_SECURITY = 'ApiKeyHeader'
const COOKIE_SECURITY = 'SessionCookie'
const JSON_TYPE = 'application/json'

type Examples = Record<string, unknown>

const retryAfter = z
  .int()
  .min(1)
  .meta({ description: 'Whole seconds to wait before retrying.', examples: [30] })
const allow = z.string().meta({ description: 'The methods this path accepts.', examples: ['GET, HEAD'] })

function jsonBody(schema: z.ZodType, examples?: Examples): ZodOpenApiResponseObject['content'] {
  return {
    [JSON_TYPE]: {
      schema,
      ...(examples && {
        examples: Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }])),
      }),
    },
  }
}

/** A dashboard error answer, with its possible messages as examples. */
function dashboardError(
  description: string,
  messages: Record<string, string>,
  headers?: z.ZodObject,
): ZodOpenApiResponseObject {
  const examples = Object.fromEntries(Object.entries(messages).map(([name, error]) => [name, { error }]))
  return { description, content: jsonBody(dashboardErrorBodySchema, examples), ...(headers && { headers }) }
}

function clientError(
  description: string,
  messages: Record<string, string>,
  headers?: z.ZodObject,
): ZodOpenApiResponseObject {
  const examples = Object.fromEntries(Object.entries(messages).map(([name, detail]) => [name, { detail }]))
  return { description, content: jsonBody(clientErrorBodySchema, examples), ...(headers && { headers }) }
}

const unavailableHeaders = z.object({ 'Retry-After': retryAfter.optional() })
const throttledHeaders = z.object({ 'Retry-After': retryAfter })
// IETF httpapi RateLimit headers (draft-ietf-httpapi-ratelimit-headers), on client API answers
// whenever a per-key rate limit is configured (STORRA_KEY_RATE_LIMIT > 0).
const rateLimitHeaders = z.object({
  'RateLimit-Policy': z
    .string()
    .meta({
      description: 'The per-key limit: `"key";q=<requests>;w=<window seconds>`. Absent when keys are not rate limited.',
      examples: ['"key";q=100;w=1'],
    })
    .optional(),
  RateLimit: z
    .string()
    .meta({
      description: 'What is left of this key\'s window: `"key";r=<remaining requests>;t=<seconds until it resets>`.',
      examples: ['"key";r=99;t=1'],
    })
    .optional(),
})

// Answers the dashboard middleware can give before any route runs: body parsing (400, 413, 415)
// and the session lookup (503). Writes also pass the cross-site check (403, 415).
const DASHBOARD_PROTOCOL: Record<string, ZodOpenApiResponseObject> = {
  '400': dashboardError('The body is not valid JSON, or the input is invalid.', {
    invalidJson: HTTP_MESSAGES.bodyNotJson,
    invalidInput: 'email: Invalid input: expected string, received undefined',
    tooDeep: JSON_TOO_DEEP_MESSAGE,
  }),
  '413': dashboardError('The body is larger than 16 KB.', { tooLarge: HTTP_MESSAGES.bodyTooLarge }),
  '415': dashboardError('The body is not JSON (or not UTF-8).', {
    notJson: DASHBOARD_MESSAGES.jsonOnly,
    charset: HTTP_MESSAGES.charsetUnsupported,
  }),
  '503': dashboardError(
    'The database is unreachable; retry shortly.',
    { unavailable: HTTP_MESSAGES.databaseUnavailable },
    unavailableHeaders,
  ),
}
const CROSS_SITE = DASHBOARD_MESSAGES.crossSite
const notAuthenticated = dashboardError('No valid session cookie (an `Authorization` header is never accepted).', {
  notAuthenticated: DASHBOARD_MESSAGES.notAuthenticated,
  bearer: DASHBOARD_MESSAGES.bearerNotAccepted,
})
const crossSite = dashboardError('A write from a foreign `Origin`.', { crossSite: CROSS_SITE })
// Password checks (argon2) wait in a bounded queue; when it is full the answer is 503 too.
const passwordWorkUnavailable = dashboardError(
  'The database is unreachable, or too many password checks are under way; retry shortly.',
  { unavailable: HTTP_MESSAGES.databaseUnavailable, busy: DASHBOARD_MESSAGES.passwordWorkBusy },
  unavailableHeaders,
)
const loginThrottled = dashboardError(
  'Too many failed logins for this account or from this address.',
  { throttled: DASHBOARD_MESSAGES.tooManyLogins },
  throttledHeaders,
)

interface DashboardOperation {
  operationId: string
  summary: string
  description?: string
  method: 'get' | 'post' | 'patch' | 'delete'
  /** Cookie needed (401 without); `optional` documents that it is read when present. */
  session: 'required' | 'optional' | 'none'
  requestBody?: z.ZodType
  requestParams?: ZodOpenApiOperationObject['requestParams']
  ok: ZodOpenApiResponseObject
  errors?: Record<string, ZodOpenApiResponseObject>
}

function dashboardOperation(op: DashboardOperation): ZodOpenApiOperationObject {
  const write = op.method !== 'get'
  const security: Record<string, string[]>[] =
    op.session === 'required'
      ? [{ [COOKIE_SECURITY]: [] }]
      : op.session === 'optional'
        ? [{}, { [COOKIE_SECURITY]: [] }]
        : []
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: ['Dashboard'],
    security,
    ...(op.requestParams && { requestParams: op.requestParams }),
    ...(op.requestBody && { requestBody: { required: false, content: { [JSON_TYPE]: { schema: op.requestBody } } } }),
    responses: {
      '200': op.ok,
      ...DASHBOARD_PROTOCOL,
      ...(op.session === 'required' && { '401': notAuthenticated }),
      ...(write && { '403': crossSite }),
      ...op.errors,
    },
  }
}

/**
 * Every other method on a path: 405 with `Allow`. Under `/api/v1/dashboard` the same middleware
 * as the real routes runs first (`dashboard`); elsewhere (`public`) only the 405 is possible.
 */
function methodNotAllowed(
  family: 'client' | 'dashboard' | 'public',
  path: string,
  allowed: readonly Method[],
): Partial<Record<Method, ZodOpenApiOperationObject>> {
  // As the server spells it: HEAD comes with GET.
  const allowHeader = allowed.flatMap((m) => (m === 'get' ? ['GET', 'HEAD'] : [m.toUpperCase()])).join(', ')
  const headers = z.object({ Allow: allow.meta({ examples: [allowHeader] }) })
  const refused: ZodOpenApiResponseObject =
    family === 'client'
      ? clientError('This path does not accept the method.', { notAllowed: HTTP_MESSAGES.methodNotAllowed }, headers)
      : dashboardError('This path does not accept the method.', { notAllowed: HTTP_MESSAGES.methodNotAllowed }, headers)
  const name = path
    .replace(/^\/api\/v1\//, '')
    .replace(/[{}.]/g, '')
    .replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
  const ops: Partial<Record<Method, ZodOpenApiOperationObject>> = {}
  for (const method of METHODS.filter((m) => !allowed.includes(m))) {
    ops[method] = {
      operationId: `${method}${name[0]!.toUpperCase()}${name.slice(1)}NotAllowed`,
      summary: `${method.toUpperCase()} is not allowed (405)`,
      tags: [REFUSED_METHODS_TAG],
      security: [],
      ...(path.includes('{prefix}') && { requestParams: { path: revokeKeyInput } }),
      responses:
        family === 'dashboard'
          ? { '405': refused, ...DASHBOARD_PROTOCOL, ...(method !== 'get' && { '403': crossSite }) }
          : { '405': refused },
    }
  }
  return ops
}

// The 405 operations under a tag of their own, so the reference lists the real routes first.
const REFUSED_METHODS_TAG = 'Other methods (405)'

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'
const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete']

const createdKeyExample = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  prefix: 'sk_abc12345',
  label: 'Production API Key',
  key: 'sk_abc12345...full_key_shown_once',
  created_at: '2025-06-01T10:30:00.000Z',
  last_used: null,
  expires_at: null,
  ip_allowlist: [],
  state: 'active',
  replaced_by: null,
  revoked_at: null,
  revoked_reason: null,
  last_used_ip: null,
  last_used_user_agent: null,
}
const rotatingKeyExample = {
  id: '550e8400-e29b-41d4-a716-446655440000',
  prefix: 'sk_abc12345',
  label: 'Production API Key',
  created_at: '2025-06-01T10:30:00.000Z',
  last_used: '2025-06-02T08:00:00.000Z',
  expires_at: '2025-06-03T08:00:00.000Z',
  ip_allowlist: ['203.0.113.0/24'],
  state: 'rotating',
  replaced_by: 'sk_def67890',
  revoked_at: null,
  revoked_reason: null,
  last_used_ip: '203.0.113.7',
  last_used_user_agent: 'curl/8.5.0',
}
// The 400 sentences a key's fields may earn (create and edit).
const KEY_FIELD_MESSAGES = {
  labelNotText: LABEL_MESSAGES.notText,
  labelTooLong: LABEL_MESSAGES.tooLong,
  labelControlCharacters: LABEL_MESSAGES.controlCharacters,
  expiresAtMalformed: EXPIRES_AT_MESSAGES.malformed,
  expiresAtPast: EXPIRES_AT_MESSAGES.notFuture,
  expiresAtTooFar: EXPIRES_AT_MESSAGES.tooFar(90),
  expiresAtRequired: EXPIRES_AT_MESSAGES.neverNotAllowed(90),
  ipAllowlistEntry: IP_ALLOWLIST_MESSAGES.badEntry('10.0.0.0/33'),
  ipAllowlistTooMany: IP_ALLOWLIST_MESSAGES.tooMany,
  unknownField: 'Unrecognized key: "owner"',
}
const keyNotFound = dashboardError('No usable key of this account has that prefix (unknown, revoked or expired).', {
  notFound: DASHBOARD_MESSAGES.keyNotFound,
})
const userExample = {
  id: '0b6f6b1e-3d4c-4a8e-9f10-2c1d5e7a9b3c',
  email: 'you@example.com',
  plan: 'pro',
  created_at: '2025-06-01T10:00:00.000Z',
}

function clientPaths(): ZodOpenApiPathsObject {
  const path = '/api/v1/client/users/me'
  return {
    [path]: {
      get: {
        operationId: 'getClientUser',
        summary: 'The account behind the API key',
        description:
          'Every `/api/v1/client/*` request must include `X-API-Key: sk_...`. Only Cloud Pro accounts may call the client API.',
        tags: ['Client API'],
        security: [{ [CLIENT_SECURITY]: [] }],
        responses: {
          '200': {
            description: 'The account that owns the key.',
            content: jsonBody(clientUserSchema, { user: userExample }),
            headers: rateLimitHeaders,
          },
          '401': {
            description:
              'The `X-API-Key` header is missing (FastAPI-style `detail` list), or the key is malformed, unknown, revoked or expired.',
            content: jsonBody(z.union([missingApiKeyBodySchema, clientErrorBodySchema]), {
              missing: MISSING_API_KEY_BODY,
              invalid: INVALID_API_KEY_BODY,
            }),
          },
          '403': {
            description:
              'A valid key used from an address outside its IP allowlist, or of an account without Cloud Pro (upgrade at /dashboard/settings).',
            content: jsonBody(clientErrorBodySchema, {
              proRequired: PRO_REQUIRED_BODY,
              ipNotAllowed: IP_NOT_ALLOWED_BODY,
            }),
          },
          '429': clientError(
            'Over the per-key rate limit, or too many failed key attempts from this address.',
            {
              perKey: CLIENT_API_MESSAGES.keyRateLimited,
              failedAttempts: CLIENT_API_MESSAGES.tooManyFailedKeys,
            },
            throttledHeaders.extend(rateLimitHeaders.shape),
          ),
          '503': clientError(
            'The database is unreachable; retry shortly.',
            { unavailable: HTTP_MESSAGES.databaseUnavailable },
            unavailableHeaders,
          ),
        },
      },
      ...methodNotAllowed('client', path, ['get']),
    },
  }
}

function dashboardPaths(): ZodOpenApiPathsObject {
  const base = '/api/v1/dashboard'
  const sessionCookie = z.object({
    'Set-Cookie': z
      .string()
      .meta({ description: `The \`${SESSION_COOKIE}\` cookie: httpOnly, SameSite=Lax, Secure in production.` }),
  })
  const ok: ZodOpenApiResponseObject = { description: 'Done.', content: jsonBody(okBodySchema, { ok: { ok: true } }) }
  const paths: [string, Method[], ZodOpenApiOperationObject[]][] = [
    [
      '/login',
      ['post'],
      [
        dashboardOperation({
          operationId: 'login',
          method: 'post',
          summary: 'Log in',
          description:
            'Starts a session and sets the `storra_session` cookie. One message for an unknown email and a wrong password.',
          session: 'none',
          requestBody: loginInput.meta({ examples: [{ email: 'you@example.com', password: 'a-long-password' }] }),
          ok: { description: 'Logged in.', headers: sessionCookie, content: jsonBody(sessionUserBodySchema) },
          errors: {
            '401': dashboardError('Wrong email or password.', {
              invalidCredentials: DASHBOARD_MESSAGES.invalidCredentials,
            }),
            '429': loginThrottled,
            '503': passwordWorkUnavailable,
          },
        }),
      ],
    ],
    [
      '/logout',
      ['post'],
      [
        dashboardOperation({
          operationId: 'logout',
          method: 'post',
          summary: 'Log out',
          description: 'Ends this session server-side.',
          session: 'optional',
          ok,
        }),
      ],
    ],
    [
      '/logout-everywhere',
      ['post'],
      [
        dashboardOperation({
          operationId: 'logoutEverywhere',
          method: 'post',
          summary: 'Log out everywhere',
          description: 'Ends every session of the account, this one included.',
          session: 'required',
          ok,
        }),
      ],
    ],
    [
      '/users/me/password',
      ['post'],
      [
        dashboardOperation({
          operationId: 'changePassword',
          method: 'post',
          summary: 'Change the password',
          description:
            'Needs the current password; every other session ends. Wrong guesses count against the login throttle.',
          session: 'required',
          requestBody: changePasswordInput.meta({
            examples: [{ currentPassword: 'a-long-password', newPassword: 'another-long-password' }],
          }),
          ok,
          errors: {
            '403': dashboardError('A write from a foreign `Origin`, or the current password is wrong.', {
              crossSite: CROSS_SITE,
              wrongPassword: DASHBOARD_MESSAGES.wrongCurrentPassword,
            }),
            '400': dashboardError('The body is not valid JSON, or the new password breaks the rules.', {
              invalidJson: HTTP_MESSAGES.bodyNotJson,
              tooShort: DASHBOARD_MESSAGES.passwordTooShort,
              tooLong: DASHBOARD_MESSAGES.passwordTooLong,
            }),
            '429': loginThrottled,
            '503': passwordWorkUnavailable,
          },
        }),
      ],
    ],
    [
      '/password-reset/request',
      ['post'],
      [
        dashboardOperation({
          operationId: 'requestPasswordReset',
          method: 'post',
          summary: 'Mail a password reset link ("Forgot password?")',
          description:
            'Mails a one-time link (valid 1 hour) when the email has an account. The answer is the same whether it does or not. Only when SMTP_URL is configured.',
          session: 'none',
          requestBody: requestPasswordResetInput.meta({ examples: [{ email: 'you@example.com' }] }),
          ok,
          errors: {
            '404': dashboardError('Mail is not configured on this installation.', {
              off: DASHBOARD_MESSAGES.passwordRecoveryOff,
            }),
            '429': dashboardError(
              'Too many requests for this email or from this address.',
              { throttled: DASHBOARD_MESSAGES.tooManyResetRequests },
              throttledHeaders,
            ),
          },
        }),
      ],
    ],
    [
      '/password-reset',
      ['post'],
      [
        dashboardOperation({
          operationId: 'resetPassword',
          method: 'post',
          summary: 'Set a new password with a reset link',
          description:
            "`token` is the `token` of the link's fragment (`/dashboard/reset-password#token=...`). The link works once; every session of the account ends.",
          session: 'none',
          requestBody: resetPasswordInput.meta({
            examples: [{ token: 'Yx3k9bQ2...from-the-link', password: 'another-long-password' }],
          }),
          ok,
          errors: {
            '400': dashboardError('The link is unknown, used or expired, or the password breaks the rules.', {
              invalidJson: HTTP_MESSAGES.bodyNotJson,
              invalidLink: DASHBOARD_MESSAGES.invalidResetLink,
              tooShort: DASHBOARD_MESSAGES.passwordTooShort,
            }),
            '503': passwordWorkUnavailable,
          },
        }),
      ],
    ],
    [
      '/billing/checkout',
      ['post'],
      [
        dashboardOperation({
          operationId: 'startCheckout',
          method: 'post',
          summary: 'Upgrade to Cloud Pro (Stripe Checkout)',
          description:
            'Starts a Stripe Checkout session for the Cloud Pro subscription; open `url` in the browser. The plan changes when Stripe confirms (webhook).',
          session: 'required',
          ok: { description: 'The checkout page.', content: jsonBody(redirectUrlBodySchema) },
          errors: {
            '404': dashboardError('Stripe is not configured: the operator changes plans.', {
              notConfigured: DASHBOARD_MESSAGES.billingNotConfigured,
            }),
            '409': dashboardError('The account is on Cloud Pro already.', {
              alreadyPro: DASHBOARD_MESSAGES.alreadyPro,
            }),
            '503': dashboardError(
              'Stripe or the database is unreachable; retry shortly.',
              { billing: DASHBOARD_MESSAGES.billingUnavailable, unavailable: HTTP_MESSAGES.databaseUnavailable },
              unavailableHeaders,
            ),
          },
        }),
      ],
    ],
    [
      '/billing/portal',
      ['post'],
      [
        dashboardOperation({
          operationId: 'openBillingPortal',
          method: 'post',
          summary: 'Manage billing (Stripe customer portal)',
          session: 'required',
          ok: { description: 'The portal page.', content: jsonBody(redirectUrlBodySchema) },
          errors: {
            '404': dashboardError('Stripe is not configured.', {
              notConfigured: DASHBOARD_MESSAGES.billingNotConfigured,
            }),
            '409': dashboardError('The account has no Stripe customer yet (never upgraded).', {
              noBillingAccount: DASHBOARD_MESSAGES.noBillingAccount,
            }),
            '503': dashboardError(
              'Stripe or the database is unreachable; retry shortly.',
              { billing: DASHBOARD_MESSAGES.billingUnavailable, unavailable: HTTP_MESSAGES.databaseUnavailable },
              unavailableHeaders,
            ),
          },
        }),
      ],
    ],
    [
      '/users/me',
      ['get'],
      [
        dashboardOperation({
          operationId: 'getSessionUser',
          method: 'get',
          summary: 'The signed-in account',
          session: 'required',
          ok: { description: 'The account.', content: jsonBody(sessionUserBodySchema) },
        }),
      ],
    ],
    [
      '/users/me/api-keys',
      ['get', 'post'],
      [
        dashboardOperation({
          operationId: 'listApiKeys',
          method: 'get',
          summary: 'List keys',
          description:
            'Newest first; never a secret. Every plan may list. By default the usable keys (`active` and `rotating`); `?state=all` also lists expired and revoked ones, with `revoked_at` and `revoked_reason`.',
          session: 'required',
          requestParams: { query: listKeysQuery },
          ok: {
            description: 'The keys.',
            content: jsonBody(z.array(apiKeySummarySchema), { keys: [rotatingKeyExample] }),
          },
          errors: {
            '400': dashboardError('`state` is neither `active` nor `all`.', {
              badState: 'state: Invalid option: expected one of "active"|"all"',
            }),
          },
        }),
        dashboardOperation({
          operationId: 'createApiKey',
          method: 'post',
          summary: 'Create a key (Cloud Pro)',
          description:
            'The answer is the only time the whole key is shown. A missing or blank label becomes `"Untitled key"`; labels are trimmed, at most 100 characters, without control characters. `expires_at` (ISO-8601 UTC, in the future, at most `STORRA_MAX_KEY_LIFETIME_DAYS` ahead when set) or `null` for never; omitted: never, or the maximum lifetime when one is set. `ip_allowlist`: up to 50 IPv4/IPv6 addresses or CIDR ranges, stored normalised; empty or omitted: any address.',
          session: 'required',
          requestBody: keyFieldsBody.meta({
            examples: [
              { label: 'Production API Key' },
              { label: 'CI', expires_at: '2030-01-01T00:00:00Z', ip_allowlist: ['203.0.113.0/24'] },
            ],
          }),
          ok: { description: 'The new key.', content: jsonBody(createdApiKeySchema, { created: createdKeyExample }) },
          errors: {
            '403': dashboardError(
              'A free account (creating keys needs Cloud Pro), or a write from a foreign `Origin`.',
              {
                proRequired: DASHBOARD_MESSAGES.proRequiredForKeys,
                crossSite: CROSS_SITE,
              },
            ),
            '400': dashboardError('The body is not a JSON object, or a field breaks the rules.', {
              invalidJson: HTTP_MESSAGES.bodyNotJson,
              notObject: DASHBOARD_MESSAGES.bodyNotObject,
              ...KEY_FIELD_MESSAGES,
            }),
            '409': dashboardError('The account already holds the most active keys allowed.', {
              keyLimit: keyLimitMessage(DEFAULT_MAX_ACTIVE_KEYS),
            }),
          },
        }),
      ],
    ],
    [
      '/users/me/api-keys/{prefix}',
      ['patch', 'delete'],
      [
        dashboardOperation({
          operationId: 'updateApiKey',
          method: 'patch',
          summary: 'Edit a key',
          description:
            "Any of `label`, `expires_at`, `ip_allowlist` (rules as on create; `expires_at: null` is never; with a maximum lifetime, `expires_at` is at most that many days after the key's `created_at`). A rotating key's `expires_at` cannot be changed (409): its grace period decides its end. All checked before anything is written; the change reaches every instance at once. Never the secret.",
          session: 'required',
          requestParams: { path: revokeKeyInput },
          requestBody: keyFieldsBody.meta({ examples: [{ ip_allowlist: ['203.0.113.0/24', '2001:db8::/32'] }] }),
          ok: {
            description: 'The updated key.',
            content: jsonBody(apiKeySummarySchema, {
              updated: { ...rotatingKeyExample, state: 'active', replaced_by: null },
            }),
          },
          errors: {
            '400': dashboardError('The body is not a JSON object, or a field breaks the rules.', {
              invalidJson: HTTP_MESSAGES.bodyNotJson,
              notObject: DASHBOARD_MESSAGES.bodyNotObject,
              ...KEY_FIELD_MESSAGES,
              expiresAtBeyondLifetime: EXPIRES_AT_MESSAGES.tooFarFromCreation(90),
            }),
            '404': keyNotFound,
            '409': dashboardError("The key is being replaced: its `expires_at` is its grace period's end.", {
              rotating: EXPIRES_AT_MESSAGES.rotating,
            }),
          },
        }),
        dashboardOperation({
          operationId: 'revokeApiKey',
          method: 'delete',
          summary: 'Revoke a key',
          description: '`prefix` is the first 11 characters of the key (e.g. `sk_abc12345`). Every plan may revoke.',
          session: 'required',
          requestParams: { path: revokeKeyInput },
          ok: {
            description: 'Revoked; the key stops working at once.',
            content: jsonBody(revokedBodySchema, { revoked: { revoked: true } }),
          },
          errors: {
            '404': dashboardError('No unrevoked key of this account has that prefix.', {
              notFound: DASHBOARD_MESSAGES.keyNotFound,
            }),
          },
        }),
      ],
    ],
    [
      '/users/me/api-keys/{prefix}/rotate',
      ['post'],
      [
        dashboardOperation({
          operationId: 'rotateApiKey',
          method: 'post',
          summary: 'Rotate a key (Cloud Pro)',
          description:
            'Issues a replacement (shown once, in the create shape) carrying the label, the IP allowlist and the expiry policy (a key that lived N days from creation to expiry gives one that lives N days from now). The old key keeps working for `grace_period_seconds` (0 … 604800, default 86400; never past its own expiry): it shows `state: "rotating"`, `replaced_by` and the grace end as `expires_at`. It is revoked earlier (reason `rotation_quiet`) once the new key has been used and the old one has been silent for `STORRA_ROTATION_QUIET_SECONDS`. 0 revokes it at once (reason `rotation`).',
          session: 'required',
          requestParams: { path: revokeKeyInput },
          requestBody: rotateKeyBody.meta({ examples: [{ grace_period_seconds: 3600 }] }),
          ok: {
            description: 'The new key.',
            content: jsonBody(createdApiKeySchema, { rotated: { ...createdKeyExample, prefix: 'sk_def67890' } }),
          },
          errors: {
            '400': dashboardError('The body is not a JSON object, or the grace period is out of range.', {
              invalidJson: HTTP_MESSAGES.bodyNotJson,
              notObject: DASHBOARD_MESSAGES.bodyNotObject,
              gracePeriod: GRACE_PERIOD_MESSAGES.outOfRange,
            }),
            '403': dashboardError(
              'A free account (issuing keys needs Cloud Pro), or a write from a foreign `Origin`.',
              {
                proRequired: DASHBOARD_MESSAGES.proRequiredForKeys,
                crossSite: CROSS_SITE,
              },
            ),
            '404': keyNotFound,
            '409': dashboardError('The key is already being replaced.', {
              alreadyRotating: DASHBOARD_MESSAGES.keyAlreadyRotating,
            }),
          },
        }),
      ],
    ],
    [
      '/users/me/api-keys/{prefix}/usage',
      ['get'],
      [
        dashboardOperation({
          operationId: 'getApiKeyUsage',
          method: 'get',
          summary: 'A key’s usage',
          description:
            'Client API requests made with the key (revoked keys too), by outcome: `window=24h` (default) in minute buckets, `7d` and `30d` in hour buckets. A minute is counted once it has ended.',
          session: 'required',
          requestParams: { path: keyUsageInput.pick({ prefix: true }), query: keyUsageInput.pick({ window: true }) },
          ok: { description: 'The usage buckets.', content: jsonBody(keyUsageSchema) },
          errors: {
            '400': dashboardError('`window` is not one of `24h`, `7d`, `30d`.', {
              badWindow: 'window: Invalid option: expected one of "24h"|"7d"|"30d"',
            }),
            '404': dashboardError('No key of this account has that prefix.', {
              notFound: DASHBOARD_MESSAGES.keyNotFound,
            }),
          },
        }),
      ],
    ],
    [
      '/users/me/audit-log',
      ['get'],
      [
        dashboardOperation({
          operationId: 'listAuditEvents',
          method: 'get',
          summary: 'The account’s audit log',
          description:
            'Newest first, `limit` (1-200, default 50) per page; pass `next_cursor` back as `cursor` for the next page. `prefix` keeps one key’s events. Kept `STORRA_AUDIT_RETENTION_DAYS` days (365 by default).',
          session: 'required',
          requestParams: { query: auditListInput.unwrap() },
          ok: { description: 'A page of events.', content: jsonBody(auditLogPageSchema) },
          errors: {
            '400': dashboardError('A parameter is out of range, or the cursor was not given out by this log.', {
              badCursor: DASHBOARD_MESSAGES.invalidAuditCursor,
            }),
          },
        }),
      ],
    ],
  ]
  const out: ZodOpenApiPathsObject = {}
  for (const [suffix, allowed, operations] of paths) {
    const path = base + suffix
    const item: Partial<Record<Method, ZodOpenApiOperationObject>> = {}
    operations.forEach((operation, i) => (item[allowed[i]!] = operation))
    out[path] = { ...item, ...methodNotAllowed('dashboard', path, allowed) }
  }
  return out
}

/** Where Stripe delivers events (configure this URL in Stripe's dashboard). */
const STRIPE_WEBHOOK_PATH = '/api/v1/billing/stripe/webhook'
// Body parsing on the public routes: too large (413), an encoding or charset the server does not read (415).
const PUBLIC_BODY_REFUSALS: Record<string, ZodOpenApiResponseObject> = {
  '413': dashboardError('The body is too large (300 KB for a revocation request, 1 MB for an alert).', {
    tooLarge: HTTP_MESSAGES.bodyTooLarge,
  }),
  '415': dashboardError('A `Content-Encoding` other than gzip/deflate, or a charset other than UTF-8.', {
    encoding: HTTP_MESSAGES.encodingUnsupported,
    charset: HTTP_MESSAGES.charsetUnsupported,
  }),
  '503': dashboardError(
    'The database is unreachable; retry shortly.',
    { unavailable: HTTP_MESSAGES.databaseUnavailable },
    unavailableHeaders,
  ),
}

const GITHUB_ALERT_EXAMPLE = [
  {
    token: 'sk_0000000000000000000000000000000030OBQY',
    type: 'storra_api_key',
    url: 'https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt',
    source: 'content',
  },
]

/** The leak endpoints: anyone may report a key; GitHub reports what its secret scanning finds. */
function leakPaths(): ZodOpenApiPathsObject {
  const revoke = `${PUBLIC_API_BASE}/credentials/revoke`
  const github = `${PUBLIC_API_BASE}/secret-scanning/github`
  const signatureHeader = (description: string, example: string) =>
    z.string().meta({ description, examples: [example] })
  return {
    [revoke]: {
      post: {
        operationId: 'reportLeakedCredentials',
        summary: 'Report leaked keys (no authentication)',
        description:
          'Anyone who finds Storra keys where they should not be (a public repository, a paste, a log) may send up to 1,000 of them. Every active key among them is revoked at once, on every instance, with reason `leak_report`, and its owner sees why in the dashboard. The answer is always `202 {"received": N}` for a well-formed request: it never says whether a key existed, worked or was already revoked. No session or cookie is read or set. Throttled per IP (`STORRA_LEAK_REPORT_RATE_LIMIT`, 60 requests an hour by default), counting every request.',
        tags: ['Leak reports'],
        security: [],
        requestBody: { required: true, content: { [JSON_TYPE]: { schema: leakReportInput } } },
        responses: {
          '202': {
            description: 'Received. Says nothing about the keys.',
            content: jsonBody(leakReportReceivedSchema, { received: { received: 1 } }),
          },
          '400': dashboardError('The body is not JSON, or `credentials` is not 1 to 1,000 strings.', {
            invalidJson: HTTP_MESSAGES.bodyNotJson,
            invalidCredentials: LEAK_REPORT_MESSAGES.credentialsInvalid,
          }),
          '429': dashboardError(
            'Too many revocation requests from this address.',
            { throttled: LEAK_REPORT_MESSAGES.tooManyReports },
            throttledHeaders,
          ),
          ...PUBLIC_BODY_REFUSALS,
        },
      },
      ...methodNotAllowed('public', revoke, ['post']),
    },
    [github]: {
      post: {
        operationId: 'githubSecretScanningAlert',
        summary: 'GitHub secret-scanning partner alerts',
        description:
          "GitHub posts the Storra keys its secret scanning finds in public content. The raw body's signature (ECDSA P-256 with SHA-256, key from `STORRA_SECRET_SCANNING_KEYS_FILE`) is verified before the body is parsed; active keys among the matches are revoked as a leak report, with the match URL recorded. The answer is GitHub's feedback list: one `true_positive` (a Storra key) or `false_positive` per match, the token as its SHA-256. A replayed alert revokes nothing new. See docs/secret-scanning.md.",
        tags: ['Leak reports'],
        security: [],
        requestParams: {
          header: z.object({
            'Github-Public-Key-Identifier': signatureHeader(
              'Which of GitHub’s secret-scanning public keys signed the body.',
              'f9525bf080f75b3506ca1ead061add62b8633a346606dc5fe544e29231c6ee0d',
            ),
            'Github-Public-Key-Signature': signatureHeader(
              'Base64 of the DER-encoded ECDSA signature of the raw body.',
              'MEUCIFLZzeK++IhS+y276SRk2Pe5LfDrfvTXu6iwKKcFGCrvAiEAhHN2kDOhy2I6eGkOFmxNkOJ+L2y8oQ9A2T9GGJo6WJY=',
            ),
          }),
        },
        requestBody: {
          required: true,
          content: { [JSON_TYPE]: { schema: secretScanningAlertInput.meta({ examples: [GITHUB_ALERT_EXAMPLE] }) } },
        },
        responses: {
          '200': {
            description: 'The alert was verified and acted on; one label per match, in order.',
            content: jsonBody(secretScanningLabelsSchema, {
              labels: [
                {
                  token_hash: hashApiKey(GITHUB_ALERT_EXAMPLE[0]!.token),
                  token_type: 'storra_api_key',
                  label: 'true_positive',
                },
              ],
            }),
          },
          '400': dashboardError('A signature header is missing, or the (verified) body is not a list of matches.', {
            signatureMissing: LEAK_REPORT_MESSAGES.signatureMissing,
            invalidJson: HTTP_MESSAGES.bodyNotJson,
            invalidMatches: LEAK_REPORT_MESSAGES.matchesInvalid,
          }),
          '401': dashboardError('The key id is not among the configured keys, or the signature does not verify.', {
            unknownKey: LEAK_REPORT_MESSAGES.unknownSigningKey,
            badSignature: LEAK_REPORT_MESSAGES.signatureInvalid,
          }),
          '413': PUBLIC_BODY_REFUSALS['413']!,
          '415': dashboardError('A `Content-Encoding` other than gzip/deflate.', {
            encoding: HTTP_MESSAGES.encodingUnsupported,
          }),
          '503': PUBLIC_BODY_REFUSALS['503']!,
        },
      },
      ...methodNotAllowed('public', github, ['post']),
    },
  }
}

function publicPaths(): ZodOpenApiPathsObject {
  return {
    [STRIPE_WEBHOOK_PATH]: {
      post: {
        operationId: 'stripeWebhook',
        summary: 'Stripe events (webhook)',
        description:
          'Called by Stripe, signed with `Stripe-Signature` over the raw body (STRIPE_WEBHOOK_SECRET). Each event is applied once, in `created` order per account: active or trialing subscriptions give Cloud Pro, ended ones Free. Other event types are acknowledged.',
        tags: ['Billing'],
        security: [],
        requestParams: {
          header: z.object({
            'stripe-signature': z.string().meta({ description: "Stripe's signature header: `t=...,v1=...`." }),
          }),
        },
        requestBody: {
          required: true,
          content: { [JSON_TYPE]: { schema: { type: 'object', description: 'A Stripe Event object.' } } },
        },
        responses: {
          '200': {
            description: 'A verified event, applied or acknowledged.',
            content: jsonBody(webhookOutcomeSchema, {
              applied: { received: true },
              duplicate: { received: true, ignored: 'duplicate' },
            }),
          },
          '400': dashboardError('No signature, a wrong one, or a timestamp older than five minutes.', {
            missing: BILLING_WEBHOOK_MESSAGES.missingSignature,
            bad: BILLING_WEBHOOK_MESSAGES.badSignature,
          }),
          '404': dashboardError('Stripe is not configured on this installation.', {
            notConfigured: DASHBOARD_MESSAGES.billingNotConfigured,
          }),
          '413': dashboardError('The body is larger than 256 KB.', { tooLarge: HTTP_MESSAGES.bodyTooLarge }),
          '503': dashboardError(
            'The database is unreachable; Stripe retries later.',
            { unavailable: HTTP_MESSAGES.databaseUnavailable },
            unavailableHeaders,
          ),
        },
      },
      ...methodNotAllowed('public', STRIPE_WEBHOOK_PATH, ['post']),
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        tags: ['Health'],
        security: [],
        responses: { '200': { description: 'The process answers.', content: jsonBody(healthBodySchema) } },
      },
      ...methodNotAllowed('public', '/healthz', ['get']),
    },
    '/readyz': {
      get: {
        operationId: 'readiness',
        summary: 'Readiness: the database answers',
        tags: ['Health'],
        security: [],
        responses: {
          '200': {
            description: 'Ready.',
            content: jsonBody(readinessBodySchema, { ready: { status: 'ok', database: 'postgres' } }),
          },
          '503': {
            description: 'The database does not answer.',
            content: jsonBody(readinessBodySchema, { unavailable: { status: 'unavailable', database: 'postgres' } }),
          },
        },
      },
      ...methodNotAllowed('public', '/readyz', ['get']),
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        tags: ['Health'],
        security: [],
        responses: {
          '200': {
            description: 'Metrics in the Prometheus text format.',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
        },
      },
      ...methodNotAllowed('public', '/metrics', ['get']),
    },
    [OPENAPI_PATH]: {
      get: {
        operationId: 'openApiDocument',
        summary: 'This document',
        tags: ['Health'],
        security: [],
        responses: {
          '200': { description: 'The OpenAPI 3.1 document.', content: { [JSON_TYPE]: { schema: { type: 'object' } } } },
        },
      },
      ...methodNotAllowed('public', OPENAPI_PATH, ['get']),
    },
  }
}

const DESCRIPTION = `Issues, verifies and revokes the API keys of Storra Cloud.

* **Client API** (\`/api/v1/client/*\`): authenticated by the \`X-API-Key\` header; only Cloud Pro accounts. Errors are \`{"detail": ...}\`.
* **Dashboard API** (\`/api/v1/dashboard/*\`): authenticated by the \`${SESSION_COOKIE}\` session cookie set by login; \`Authorization: Bearer\` is never accepted. Errors are \`{"error": "message"}\`. Writes from a foreign \`Origin\` get 403 and non-JSON bodies 415. The same procedures are also served over tRPC at \`/api/v1/dashboard/trpc\`.
* **Leak reports** (\`/api/v1/public/*\`): no authentication; anyone may report leaked keys, GitHub posts signed secret-scanning alerts. Errors are \`{"error": "message"}\`.
* Unknown paths answer 404 in their family's shape (\`ClientNotFound\`, \`DashboardNotFound\` below).

Key format: \`sk_\` + 32 random base62 characters + 6 base62 characters of a CRC32 checksum (41 characters). Secret-scanning regex: \`\\bsk_[0-9A-Za-z]{38}\\b\`.`

/**
 * Builds the OpenAPI 3.1 document of the HTTP API from the zod schemas the routes validate
 * with and the response schemas the serializers are typed from. Pure: same output every call.
 */
export function buildOpenApiDocument(): OpenApiDocument {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Storra Cloud key service',
      version: '1.0.0',
      description: DESCRIPTION,
    },
    servers: [{ url: '/', description: 'This server' }],
    tags: [
      { name: 'Client API', description: 'Called by customers with an API key.' },
      { name: 'Dashboard', description: 'Key management behind the session cookie.' },
      { name: 'Billing', description: 'Stripe calls these; people never do.' },
      {
        name: 'Leak reports',
        description: 'Public: report leaked keys; GitHub secret-scanning alerts. No session, their own throttles.',
      },
      { name: 'Health', description: 'Public endpoints for load balancers and tooling.' },
      { name: REFUSED_METHODS_TAG, description: 'Every other method on a documented path answers 405 with `Allow`.' },
    ],
    security: [],
    paths: { ...clientPaths(), ...dashboardPaths(), ...leakPaths(), ...publicPaths() },
    components: {
      securitySchemes: {
        [CLIENT_SECURITY]: {
          type: 'apiKey',
          in: 'header',
          name: 'X-API-Key',
          description: 'A key created in the dashboard: `sk_...`.',
        },
        [COOKIE_SECURITY]: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: 'Set by `POST /api/v1/dashboard/login`.',
        },
      },
      responses: {
        ClientNotFound: clientError('No such path under `/api/v1/client`.', { notFound: CLIENT_API_MESSAGES.notFound }),
        DashboardNotFound: dashboardError('No such path elsewhere.', { notFound: DASHBOARD_MESSAGES.notFound }),
      },
    },
  })
}
