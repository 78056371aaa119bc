import fc from 'fast-check'
import { formatApiKey } from '@storra/core'
import { ODDITIES, withDescription, type BodyEncoding, type FuzzRequest, type Oddity } from './fuzz-request.ts'

/**
 * fast-check arbitraries for whole HTTP requests to the server: every route family, any
 * method, the headers that steer routing, sessions and parsing, and bodies of every shape.
 * Values that only exist at run time (a live session, a valid key) appear as placeholders
 * (see fuzz-request.ts) and are filled in when the request is sent.
 */

/** fc.oneof that, when shrinking, also tries its first (simplest) choice: an absent header, no body, GET. */
function oneof<Ts extends fc.MaybeWeightedArbitrary<unknown>[]>(...arbitraries: Ts): fc.Arbitrary<fc.OneOfValue<Ts>> {
  return fc.oneof({ withCrossShrink: true }, ...arbitraries)
}

// A well-formed key (right shape and checksum) that no account owns; fixed so a seed replays exactly.
const UNKNOWN_KEY = formatApiKey('0123456789abcdefghijABCDEFGHIJkl')

const PROCEDURE_INPUT_FIELDS: Record<string, string[]> = {
  'auth.login': ['email', 'password'],
  'auth.logout': [],
  'auth.logoutEverywhere': [],
  'auth.changePassword': ['currentPassword', 'newPassword'],
  'auth.me': [],
  'apiKeys.list': ['state'],
  'apiKeys.leakRevocations': [],
  'apiKeys.create': ['label', 'expires_at', 'ip_allowlist'],
  'apiKeys.update': ['prefix', 'label', 'expires_at', 'ip_allowlist'],
  'apiKeys.rotate': ['prefix', 'grace_period_seconds'],
  'apiKeys.revoke': ['prefix'],
  'apiKeys.policy': [],
  'apiKeys.usage': ['prefix', 'window'],
  'apiKeys.activity': [],
  'audit.list': ['limit', 'cursor', 'prefix'],
  'admin.listUsers': ['query'],
  'admin.setPlan': ['userId', 'plan'],
  'admin.listKeys': ['userId'],
  'admin.revokeKey': ['userId', 'prefix'],
  'admin.auditLog': ['userId', 'limit', 'cursor', 'prefix'],
  'admin.setRole': ['userId', 'role'],
  'admin.deleteUser': ['userId'],
  'admin.resetLink': ['userId'],
  'auth.recoveryOptions': [],
  'auth.requestPasswordReset': ['email'],
  'auth.resetPassword': ['token', 'password'],
  'billing.status': [],
  'billing.checkout': [],
  'billing.portal': [],
}
const PROCEDURES = Object.keys(PROCEDURE_INPUT_FIELDS)
const QUERIES = new Set([
  'auth.me',
  'apiKeys.list',
  'apiKeys.policy',
  'apiKeys.usage',
  'apiKeys.activity',
  'audit.list',
  'admin.listUsers',
  'admin.listKeys',
  'admin.auditLog',
  'apiKeys.leakRevocations',
  'auth.recoveryOptions',
  'billing.status',
])
/** Procedures and routes that check a password or set a session cookie: where IPs and cookies become keys. */
const CREDENTIAL_PROCEDURES = ['auth.login', 'auth.changePassword', 'auth.logout', 'auth.logoutEverywhere']
/** The public leak routes' body fields (the GitHub alert is an array of these objects; see `fieldsPayload`). */
const PUBLIC_ROUTE_FIELDS: Record<string, string[]> = {
  '/api/v1/public/credentials/revoke': ['credentials'],
  '/api/v1/public/secret-scanning/github': ['token', 'type', 'url', 'source'],
}
const ALL_FIELDS = [
  ...new Set([...Object.values(PROCEDURE_INPUT_FIELDS), ...Object.values(PUBLIC_ROUTE_FIELDS)].flat()),
]

/** Dashboard REST routes and the public leak routes: input fields and the method the route serves. */
const REST_ROUTES: Record<string, { fields: string[]; method: string }> = {
  ...Object.fromEntries(
    Object.entries(PUBLIC_ROUTE_FIELDS).map(([path, fields]) => [path, { fields, method: 'POST' }]),
  ),
  '/api/v1/dashboard/login': { fields: ['email', 'password'], method: 'POST' },
  '/api/v1/dashboard/logout': { fields: [], method: 'POST' },
  '/api/v1/dashboard/logout-everywhere': { fields: [], method: 'POST' },
  '/api/v1/dashboard/users/me': { fields: [], method: 'GET' },
  '/api/v1/dashboard/users/me/password': { fields: ['currentPassword', 'newPassword'], method: 'POST' },
  '/api/v1/dashboard/users/me/api-keys': { fields: ['label', 'expires_at', 'ip_allowlist'], method: 'POST' },
  '/api/v1/dashboard/users/me/api-keys?state=all': { fields: [], method: 'GET' },
  '/api/v1/dashboard/users/me/api-keys/$KEY_PREFIX': {
    fields: ['label', 'expires_at', 'ip_allowlist'],
    method: 'PATCH',
  },
  '/api/v1/dashboard/users/me/api-keys/$KEY_PREFIX/rotate': { fields: ['grace_period_seconds'], method: 'POST' },
  '/api/v1/dashboard/users/me/api-keys/$KEY_PREFIX/usage?window=7d': { fields: [], method: 'GET' },
  '/api/v1/dashboard/users/me/audit-log?limit=5': { fields: [], method: 'GET' },
  '/api/v1/dashboard/password-reset/request': { fields: ['email'], method: 'POST' },
  '/api/v1/dashboard/password-reset': { fields: ['token', 'password'], method: 'POST' },
  '/api/v1/dashboard/billing/checkout': { fields: [], method: 'POST' },
  '/api/v1/dashboard/billing/portal': { fields: [], method: 'POST' },
  '/api/v1/billing/stripe/webhook': { fields: [], method: 'POST' },
}

// ---- strings -------------------------------------------------------------------------------

/** `length` base-64 characters that look random (xorshift from `seed`), so they neither compress nor shrink badly. */
function scramble(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let x = seed | 1
  let out = ''
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    out += alphabet[x & 63]
  }
  return out
}

const printableAscii = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c))
const obsText = fc.integer({ min: 0x80, max: 0xff }).map((c) => String.fromCharCode(c))
const controlChar = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c))
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const longLength = oneof(
  fc.integer({ min: 1, max: 400 }),
  fc.constantFrom(100, 101, 320, 321, 1024, 4096, 4097),
  fc.integer({ min: 2000, max: 20_000 }),
)

/** Strings that break naive code: NUL, control characters, lone surrogates, any code point, huge. */
const nastyString: fc.Arbitrary<string> = oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: oneof(printableAscii, controlChar, loneSurrogate), maxLength: 30 }),
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('\u0000', '\ud800', '\udfff', '\ufffe', '\u202e', '\r\n'),
        fc.string({ maxLength: 8 }),
      )
      .map((p) => p.join('')),
  },
  fc.tuple(fc.constantFrom('x', 'é', '😀', '[', 'a\u0000'), longLength).map(([unit, n]) => unit.repeat(n)),
  fc.constantFrom(
    '',
    ' ',
    'sk_',
    'sk_abc12345',
    UNKNOWN_KEY,
    "' or 1=1 --",
    '%',
    '../../etc/passwd',
    'nobody@example.com',
    'NOBODY@EXAMPLE.COM ',
  ),
)

// Leak reports carry lists of keys: live ones (the fixtures heal a revoked Pro key), unknown, malformed.
const reportedKeys = fc.array(fc.constantFrom('$PRO_KEY', '$REVOKED_KEY', UNKNOWN_KEY, 'sk_abc12345'), {
  maxLength: 5,
})

/** A value for a named input field: mostly the right type, the fixture's real value, or nasty. */
function fieldValue(field: string): fc.Arbitrary<unknown> {
  if (field === 'credentials') {
    return oneof(
      { weight: 3, arbitrary: reportedKeys },
      { weight: 2, arbitrary: fc.array(nastyString, { maxLength: 3 }) },
      nastyString,
    )
  }
  const real: Record<string, unknown[]> = {
    email: ['$USER_EMAIL', 'nobody@example.com'],
    password: ['$USER_PASSWORD', 'wrong password'],
    currentPassword: ['$USER_PASSWORD', 'wrong password'],
    newPassword: ['$USER_PASSWORD'],
    prefix: ['$KEY_PREFIX', 'sk_abc12345'],
    userId: ['$USER_ID', '$ADMIN_ID', '3f2b8c1e-9d4a-4f6b-8e2c-1a5d7b9c0e3f'],
    plan: ['pro', 'free', 'enterprise'],
    role: ['admin', 'user', 'owner'],
    label: ['Production API Key'],
    query: ['example', ''],
    state: ['all', 'active', 'revoked'],
    expires_at: ['2099-01-01T00:00:00Z', '2000-01-01T00:00:00Z', '2099-02-30T00:00:00Z', 'never'],
    grace_period_seconds: [0, 86_400, 604_801, -1, '60'],
    ip_allowlist: [['10.0.0.0/8', '::1'], [], ['10.0.0.0/33'], '10.0.0.1'],
    // Leak reports' matched keys, and reset links' tokens (none of which is a real one).
    token: ['$PRO_KEY', '$REVOKED_KEY', UNKNOWN_KEY, 'not-a-reset-token', 'x'.repeat(43)],
    type: ['storra_api_key'],
    url: ['https://github.com/octo/repo/blob/0123abc/leak.txt', ''],
    source: ['content', 'commit'],
  }
  return oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(real[field] ?? [''])) },
    { weight: 3, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  )
}

/** Builds JSON text for a route's input fields; chosen independently of the route so that shrinking works. */
type Payload = (fields: string[]) => string

const fieldValues = fc.record(Object.fromEntries(ALL_FIELDS.map((f) => [f, fieldValue(f)])))
const strayFields = fc.dictionary(
  fc.constantFrom(...ALL_FIELDS, '__proto__', 'constructor', 'x'),
  oneof(nastyString, fc.jsonValue({ maxDepth: 2 })),
  { maxKeys: 3 },
)

/** The route's fields with generated values (plus strays); a route without fields gets strays only. */
const fieldsPayload: fc.Arbitrary<Payload> = fc.tuple(fieldValues, strayFields).map(
  ([values, strays]) =>
    (fields: string[]) =>
      JSON.stringify({ ...Object.fromEntries(fields.map((f) => [f, values[f]])), ...strays }),
)

/** JSON nested `depth` levels deep, the shape that overflowed tRPC's request adapter (issue 10 #1). */
const deepPayload: fc.Arbitrary<Payload> = fc
  .tuple(oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1000, max: 7000 })), fc.boolean())
  .map(([depth, arrays]) => (fields: string[]) => {
    const field = fields[0] ?? 'label'
    return arrays
      ? `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`
      : `{"${field}":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`
  })

const nonJson = oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.constantFrom(
    '',
    '{',
    '}',
    '{"email":',
    'null',
    'true',
    '[]',
    '"x"',
    '1e999',
    '-0',
    '{"a":1,"a":2}',
    '{"__proto__":{"role":"admin"}}',
    'email=a%40b.c&password=x',
    '\ufeff{"label":"bom"}',
    '{"label":"\u0000"}',
    '{"label":"a\x01b"}',
    '{"label":"\\ud800"}',
    '{"label":"\\udc00\\ud800"}',
    '[{"0":{}}]',
  ),
)

/** Any JSON-ish payload: the route's fields, deep nesting, non-JSON, any JSON value, or too big. */
const payload: fc.Arbitrary<Payload> = oneof(
  { weight: 8, arbitrary: fieldsPayload },
  { weight: 2, arbitrary: deepPayload },
  { weight: 2, arbitrary: nonJson.map((text) => () => text) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => () => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 16_000, max: 60_000 })
      .map((n) => (fields: string[]) => JSON.stringify({ [fields[0] ?? 'label']: 'x'.repeat(n) })),
  },
)

/** A body for a route: its payload (as one input or as a tRPC batch's), in the right or a wrong encoding, or raw bytes. */
type BodyFor = (route: Route) => FuzzRequest['body']

const body: fc.Arbitrary<BodyFor> = oneof(
  { weight: 2, arbitrary: fc.constant(() => undefined) },
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        payload,
        // Mostly as the route expects it; sometimes a batch body where one input is expected, or the reverse.
        oneof({ weight: 5, arbitrary: fc.constant(false) }, fc.constant(true)),
        oneof(
          { weight: 8, arbitrary: fc.constant<BodyEncoding>('utf8') },
          fc.constantFrom<BodyEncoding>('latin1', 'utf16le'),
        ),
      )
      .map(([make, flip, encoding]) => (route: Route) => {
        const batch = route.procedures.length > 0 && route.target.includes('batch=1')
        const text =
          batch !== flip
            ? `{${(route.procedures.length ? route.procedures : ['']).map((p, i) => `"${i}":${make(PROCEDURE_INPUT_FIELDS[p] ?? route.fields)}`).join(',')}}`
            : make(route.fields)
        return { text, encoding }
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ maxLength: 200 })
      .map((bytes) => () => ({ text: Buffer.from(bytes).toString('latin1'), encoding: 'latin1' as const })),
  },
)

// ---- routes --------------------------------------------------------------------------------

/** A request target with what the route expects, so that most requests get past its guards. */
interface Route {
  target: string
  /** Input fields the route or (first) procedure reads. */
  fields: string[]
  /** The method the route serves. */
  method: string
  /** The tRPC procedures named in the path, in order. */
  procedures: string[]
}

/**
 * encodeURIComponent that never throws: a lone surrogate becomes its WTF-8 bytes (`%ED%A0%80`),
 * which a server's URI decoding must refuse cleanly.
 */
function percentEncode(text: string): string {
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (unit) => {
    const code = unit.charCodeAt(0)
    if (unit.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    }
    return encodeURIComponent(unit)
  })
}

const segment = oneof(
  nastyString.map((s) => percentEncode(s.slice(0, 200))),
  fc.constantFrom(
    '%',
    '%zz',
    '%00',
    '%E0%A4%A',
    '%C0%AE',
    '..',
    '.',
    ';',
    '%2F',
    '%252F',
    'sk_abc12345',
    UNKNOWN_KEY,
    '$KEY_PREFIX',
    '{x}',
    '|',
    '*',
  ),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'a'.repeat(n)),
)

/** `?input=` JSON: percent-encoded as a client does, or only where the request line needs it. */
function queryEncode(json: string, loose: boolean): string {
  return loose
    ? json.replace(/[\ud800-\udbff][\udc00-\udfff]|[^\x21-\x7e]|[%#&+]/g, (c) => percentEncode(c))
    : percentEncode(json)
}

const trpcMethodOf = (procedures: string[]) => (procedures.every((p) => QUERIES.has(p)) ? 'GET' : 'POST')

function trpcRoute(procedure: fc.Arbitrary<string>, batchLimit: number): fc.Arbitrary<Route> {
  // GET carries the input in the query; POST in the body (see `body`).
  const inQuery = fc.tuple(oneof(fc.constant(undefined), payload), fc.boolean())
  return oneof(
    fc.tuple(procedure, inQuery).map(([name, [make, loose]]) => {
      const fields = PROCEDURE_INPUT_FIELDS[name]!
      const method = trpcMethodOf([name])
      const query = make && method === 'GET' ? `?input=${queryEncode(make(fields), loose)}` : ''
      return { target: `/api/v1/dashboard/trpc/${name}${query}`, fields, method, procedures: [name] }
    }),
    // A batch, as httpBatchLink and httpBatchStreamLink send it: inputs keyed by position.
    fc
      .tuple(
        fc.array(procedure, { minLength: 1, maxLength: batchLimit }),
        fc.array(payload, { maxLength: batchLimit }),
        fc.boolean(),
      )
      .map(([names, makes, loose]) => {
        const method = trpcMethodOf(names)
        const inputs = makes
          .slice(0, names.length)
          .map((make, i) => `"${i}":${make(PROCEDURE_INPUT_FIELDS[names[i]!]!)}`)
        const query = inputs.length && method === 'GET' ? `&input=${queryEncode(`{${inputs.join(',')}}`, loose)}` : ''
        return {
          target: `/api/v1/dashboard/trpc/${names.join(',')}?batch=1${query}`,
          fields: PROCEDURE_INPUT_FIELDS[names[0]!]!,
          method,
          procedures: names,
        }
      }),
    // Not a procedure, or a query string tRPC must refuse.
    fc
      .tuple(
        oneof(
          procedure,
          segment,
          fc.constantFrom('', 'auth', 'auth.', '.me', 'apiKeys.list,', ',', 'auth.me,,auth.me'),
        ),
        oneof(
          fc.constant(''),
          segment.map((s) => `?${s}`),
          segment.map((s) => `?batch=${s}`),
          segment.map((s) => `?input=${s}`),
        ),
      )
      .map(([name, query]) => ({
        target: `/api/v1/dashboard/trpc/${name}${query}`,
        fields: ALL_FIELDS,
        method: 'POST',
        procedures: [],
      })),
  )
}

const restPath = fc.constantFrom(...Object.keys(REST_ROUTES))
const restRoute: fc.Arbitrary<Route> = oneof(
  { weight: 6, arbitrary: restPath.map((target) => ({ target, ...REST_ROUTES[target]!, procedures: [] })) },
  {
    weight: 3,
    arbitrary: segment.map((s) => ({
      target: `/api/v1/dashboard/users/me/api-keys/${s}`,
      fields: [],
      method: 'DELETE',
      procedures: [],
    })),
  },
  {
    weight: 1,
    arbitrary: segment.map((s) => ({ target: `/api/v1/dashboard/${s}`, fields: [], method: 'GET', procedures: [] })),
  },
  { weight: 1, arbitrary: segment.map((s) => ({ target: `/api/${s}`, fields: [], method: 'GET', procedures: [] })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(restPath, segment)
      .map(([p, s]) => ({ target: `${p.toUpperCase()}?${s}=${s}`, ...REST_ROUTES[p]!, procedures: [] })),
  },
)

/** Where passwords are checked and session cookies set: REST and tRPC. */
const credentialRoute: fc.Arbitrary<Route> = oneof(
  fc
    .constantFrom(
      '/api/v1/dashboard/login',
      '/api/v1/dashboard/users/me/password',
      '/api/v1/dashboard/logout',
      '/api/v1/dashboard/logout-everywhere',
    )
    .map((target) => ({ target, ...REST_ROUTES[target]!, procedures: [] })),
  trpcRoute(fc.constantFrom(...CREDENTIAL_PROCEDURES), 3),
)

const clientRoute: fc.Arbitrary<Route> = oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '/api/v1/client/users/me',
      '/api/v1/client/users/me/',
      '/API/V1/CLIENT/USERS/ME',
      '/api/v1/client/users',
      '/api/v1/client',
      '/api/v1/client/',
    ),
  },
  { weight: 2, arbitrary: segment.map((s) => `/api/v1/client/${s}`) },
  { weight: 2, arbitrary: segment.map((s) => `/api/v1/client/users/me?${s}=${s}`) },
).map((target) => ({ target, fields: [], method: 'GET', procedures: [] }))

const otherRoute: fc.Arbitrary<Route> = oneof(
  fc.constantFrom(
    '/healthz',
    '/readyz',
    '/metrics',
    '/',
    '/dashboard',
    '/dashboard/',
    '/dashboard/login',
    '/dashboard/settings',
    '/dashboard/index.html',
    '/dashboard/assets/app.js',
    '/dashboard/assets/missing.js',
    '/dashboard/%2e%2e/%2e%2e/package.json',
    '/dashboard/..%2f..%2fpackage.json',
    '/dashboard/%00',
    '/favicon.ico',
    '/nowhere',
    '/healthz?verbose=1',
    '*',
  ),
  segment.map((s) => `/${s}`),
  segment.map((s) => `/dashboard/${s}`),
).map((target) => ({ target, fields: [], method: 'GET', procedures: [] }))

// ---- methods and headers -------------------------------------------------------------------

/** The route's own method (shrinking prefers it), a common other one, an exotic one, or one Node does not know. */
const method: fc.Arbitrary<string | undefined> = oneof(
  { weight: 10, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'TRACE',
      'PROPFIND',
      'SEARCH',
      'PURGE',
      'LINK',
      'MKCOL',
      'COPY',
      'LOCK',
      'REPORT',
      'M-SEARCH',
      'QUERY',
      'CONNECT',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('get', 'post', 'Delete', 'FOO', 'BREW', 'GETS') },
)

/** Header values a parser accepts (visible ASCII, space, tab, obs-text); damage is the oddities' job. */
const headerText = (maxLength: number) =>
  fc.string({ unit: oneof({ weight: 9, arbitrary: printableAscii }, fc.constant('\t'), obsText), maxLength })

const sessionCookieValue = oneof(
  { weight: 4, arbitrary: fc.constantFrom('$USER_SESSION', '$ADMIN_SESSION', '$FREE_SESSION') },
  // Sealed-looking values: iron-session's `*`-separated parts, any count (issue 10 #3 had eight).
  fc
    .array(oneof(fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/), fc.constantFrom('Fe26.2', '1', '~2', '')), {
      minLength: 1,
      maxLength: 12,
    })
    .map((parts) => parts.join('*')),
  fc.tuple(fc.constantFrom('Fe26.2**', 'Fe26.2*1*', '~2*'), headerText(40)).map(([a, b]) => a + b.replaceAll(';', '')),
  fc.integer({ min: 1, max: 12_000 }).map((n) => 'A'.repeat(n)),
  headerText(60).map((s) => s.replaceAll(';', '')),
  fc.constantFrom(
    '%',
    '%zz',
    '%00',
    '%E0%A4%A',
    '""',
    '"$USER_SESSION"',
    '$USER_SESSION*x',
    'x$USER_SESSION',
    '$USER_SESSION$ADMIN_SESSION',
  ),
)

const cookieHeader = oneof(
  { weight: 6, arbitrary: sessionCookieValue.map((v) => `storra_session=${v}`) },
  { weight: 1, arbitrary: sessionCookieValue.map((v) => `storra_session=${v}; storra_session=$USER_SESSION`) },
  { weight: 1, arbitrary: sessionCookieValue.map((v) => `storra_session=$ADMIN_SESSION; storra_session=${v}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '=',
      ';;;',
      'other=1',
      'storra_session',
      'storra_session=',
      'STORRA_SESSION=$USER_SESSION',
    ),
  },
)

const forwardedHop = oneof(
  fc.ipV4(),
  fc.ipV6(),
  fc.ipV4().map((ip) => `${ip}:8080`),
  fc.constantFrom('unknown', '[::1]:80', '127.0.0.1', '::ffff:10.0.0.1', '', ' ', '_hidden', 'fe80::1%eth0'),
  headerText(40).map((s) => s.replaceAll(',', '')),
  // Long hops: the failed-login counter once used the last hop as a primary key (issue 17 #2);
  // incompressible, as PostgreSQL compresses a repetitive key below its index row limit.
  fc.tuple(fc.integer({ min: 100, max: 6000 }), fc.integer()).map(([n, seed]) => scramble(n, seed)),
)
const forwardedFor = fc
  .tuple(fc.array(forwardedHop, { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ','))
  .map(([hops, sep]) => hops.join(sep))

const contentType = oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  fc.constantFrom(
    'application/json; charset=utf-8',
    'application/json; charset=UTF-16',
    'application/json; charset=latin1',
    'application/json; charset=bogus',
    'application/JSON',
    'application/json;;',
    'application/jsonl',
    'application/vnd.api+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'multipart/form-data',
    'application/octet-stream',
    'text/plain',
    'text/html',
    '*/*',
    '',
  ),
  headerText(40),
)

export interface RequestArbitraryOptions {
  /** In how many of 20 requests an X-Forwarded-For header appears: the trusted-proxy server wants it often. */
  forwardedForPresence: number
  /** Whether to damage the request at the protocol level (raw oddities). */
  oddities: boolean
  /** Largest number of procedures in one generated tRPC batch. */
  batchLimit: number
  /** Relative weight of login, password and logout routes (the others weigh 10 together). */
  credentialWeight: number
}

/** Headers, generated apart from the route (so shrinking can drop each one); X-API-Key and trpc-accept matter on their families only. */
function headers(options: RequestArbitraryOptions): fc.Arbitrary<[string, string][]> {
  // Present in about `present` of 20 requests; shrinking drops it first (oneof tries its first choice).
  const maybe = (name: string, value: fc.Arbitrary<string>, present: number) =>
    oneof(
      { weight: 20 - present, arbitrary: fc.constant(undefined) },
      { weight: present, arbitrary: value.map((v) => [name, v] as [string, string]) },
    )
  const apiKey = oneof(
    { weight: 5, arbitrary: fc.constantFrom('$PRO_KEY', '$FREE_KEY', '$REVOKED_KEY') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(UNKNOWN_KEY, 'sk_abc12345', '', ' $PRO_KEY', '$PRO_KEY ', '$PRO_KEY,$PRO_KEY'),
    },
    { weight: 2, arbitrary: headerText(60) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 8000 }).map((n) => `sk_${'A'.repeat(n)}`) },
  )
  return fc
    .tuple(
      maybe('Content-Type', contentType, 15),
      maybe('Cookie', cookieHeader, 12),
      maybe('X-API-Key', apiKey, 8),
      maybe(
        'Origin',
        oneof(fc.constantFrom('$ORIGIN', 'https://evil.example', 'null', '', 'http://127.0.0.1'), headerText(30)),
        4,
      ),
      maybe(
        'Accept',
        oneof(
          fc.constantFrom(
            'application/json',
            'text/html',
            'application/jsonl',
            '*/*',
            'text/event-stream',
            'image/png',
          ),
          headerText(30),
        ),
        4,
      ),
      maybe('trpc-accept', oneof({ weight: 4, arbitrary: fc.constant('application/jsonl') }, headerText(20)), 6),
      maybe('X-Forwarded-For', forwardedFor, options.forwardedForPresence),
      maybe('Authorization', fc.constantFrom('Bearer $PRO_KEY', 'Bearer ', 'Basic Og==', 'x'), 2),
      maybe('Content-Encoding', fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'zstd', 'x'), 1),
      maybe('X-HTTP-Method-Override', fc.constantFrom('DELETE', 'TRACE', 'PUT'), 1),
      oneof(
        { weight: 19, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerText(40)) },
      ),
    )
    .map((entries) => entries.filter((e): e is [string, string] => e !== undefined))
}

/** A whole request for any route family, with matching fields in its body or query. */
export function requestArbitrary(options: RequestArbitraryOptions): fc.Arbitrary<FuzzRequest> {
  const route = oneof(
    { weight: 2, arbitrary: clientRoute },
    { weight: 3, arbitrary: restRoute },
    { weight: 4, arbitrary: trpcRoute(fc.constantFrom(...PROCEDURES), options.batchLimit) },
    { weight: 1, arbitrary: otherRoute },
    { weight: options.credentialWeight, arbitrary: credentialRoute },
  )
  const oddities: fc.Arbitrary<Oddity[]> = options.oddities
    ? fc.uniqueArray(fc.constantFrom(...ODDITIES), { minLength: 1, maxLength: 2 })
    : fc.constant([])
  return fc.record({ route, method, oddities, body, headers: headers(options) }).map((r) =>
    withDescription({
      method: r.method ?? r.route.method,
      target: r.route.target,
      headers: r.headers,
      body: r.body(r.route),
      oddities: r.oddities,
    }),
  )
}
