import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import type { PasswordWorkLimits, StripeSettings } from '@storra/api'
import {
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR,
  DEFAULT_MAX_ACTIVE_KEYS,
  DEFAULT_ROTATION_QUIET_SECONDS,
  MAX_KEY_LIFETIME_DAYS_LIMIT,
} from '@storra/core'
import { DEFAULT_ROTATION_SWEEP_INTERVAL_MS } from '@storra/api'
import { DEFAULT_LOGIN_LIMITS, type LoginThrottleLimits } from './dashboard/database-login-throttle.ts'
import { parseSessionSecret, type SessionPasswords } from './dashboard/session-secret.ts'

// npm runs workspace scripts inside the workspace; INIT_CWD is where the person typed the
// command, so relative paths mean what they expect (the repository root for `npm start`).
const baseDir = process.env.INIT_CWD ?? process.cwd()

/** The built web dashboard, served at /dashboard/ unless STORRA_WEB_DIST names another. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))

/** Failed API key attempts per IP per minute before that IP waits (not an environment setting). */
export const DEFAULT_FAILED_KEY_ATTEMPTS_PER_IP_PER_MINUTE = 120

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
type LogLevel = (typeof LOG_LEVELS)[number]

/** Express's `trust proxy` setting: off, on, a hop count, or addresses/subnet names. */
type TrustProxy = boolean | number | string

/**
 * Everything the server is told, parsed and checked once, in units of use. Built by
 * {@link readEnv} from the environment, or directly by tests (see testing.ts).
 */
export interface ServerConfig {
  mode: 'development' | 'production' | 'test'
  http: {
    port: number
    host: string
    /** STORRA_TRUST_PROXY, so `req.ip` and `req.protocol` are the client's behind a proxy. */
    trustProxy: TrustProxy
    /**
     * STORRA_PUBLIC_URL: where people reach this installation (`https://keys.example.com`), the
     * base of reset links and Stripe's return URLs; absent: the server's own address.
     */
    publicUrl?: string
  }
  database: {
    /** Real PostgreSQL (DATABASE_URL); the embedded PGlite in `dataDir` when absent. */
    url?: string
    /** Absolute path of the embedded database and the generated session secret. */
    dataDir: string
    poolSize: number
  }
  session: {
    /** SESSION_SECRET as id → secret; absent: kept in `dataDir` (embedded) or random per process. */
    secret?: SessionPasswords
    /** Secure cookies even over plain HTTP; absent: on in production only. */
    secureCookies?: boolean
  }
  limits: {
    maxActiveKeys: number
    /** Requests per second per key on the client API; 0 disables. */
    keyRequestsPerSecond: number
    /** Failed API key attempts per IP per minute before that IP waits; 0 disables. */
    failedKeyAttemptsPerIpPerMinute: number
    /** Public revocation requests (`POST /api/v1/public/credentials/revoke`) per IP per hour; 0 disables. */
    leakReportsPerIpPerHour: number
    login: LoginThrottleLimits
    /** Bounds on concurrent password hashing; absent: sized to the machine (PasswordWorkQueue's defaults). */
    passwordWork?: Partial<PasswordWorkLimits>
  }
  redis: {
    /**
     * REDIS_URL: the per-key rate limit, the failed-key limit per IP and the login throttle are
     * shared by every instance through this Redis; absent: each instance counts in its own memory
     * (and logins in the database).
     */
    url?: string
  }
  keys: {
    /** STORRA_MAX_KEY_LIFETIME_DAYS: keys live at most this many days; null: no maximum. */
    maxLifetimeDays: number | null
    /** STORRA_ROTATION_QUIET_SECONDS: a rotating key silent this long, once its replacement is used, is revoked. */
    rotationQuietSeconds: number
    /** How often each instance sweeps for such keys (not an environment setting; tests shorten it). */
    rotationSweepIntervalMs: number
  }
  secretScanning: {
    /**
     * Absolute path of GitHub's secret-scanning public keys (the JSON GitHub publishes at
     * api.github.com/meta/public_keys/secret_scanning); absent: every alert is refused (401).
     */
    keysFile?: string
  }
  cache: {
    /** Verified keys kept in memory per instance; 0 disables the cache. */
    keys: number
    ttlMs: number
  }
  web: {
    /** The built dashboard served at /dashboard/. */
    distDir: string
    /** Other origins (exact `scheme://host[:port]`) allowed to write to the dashboard API. */
    allowedOrigins: string[]
  }
  audit: {
    /** STORRA_AUDIT_RETENTION_DAYS: audit events older than this many days are purged (hourly). */
    retentionDays: number
  }
  /** STRIPE_*: online upgrades through Stripe Checkout; absent: the operator changes plans. */
  stripe?: StripeSettings
  /** SMTP_URL and SMTP_FROM: "Forgot password?" mails; absent: reset links come from an admin only. */
  mail?: { url: string; from: string }
  log: {
    level: LogLevel
    /** One line per request; off only in some benchmarks. */
    requests: boolean
  }
}

const integer = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback)
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)))

const optionalText = z
  .string()
  .optional()
  .transform((v) => v || undefined)
const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined))

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(3000).pipe(z.number().max(65535)),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  STORRA_DATA_DIR: z.string().min(1).default('.storra/data'),
  SESSION_SECRET: z.string().optional(),
  STORRA_SECURE_COOKIES: flag,
  STORRA_TRUST_PROXY: z.string().optional(),
  STORRA_ALLOWED_ORIGINS: z.string().optional(),
  STORRA_MAX_ACTIVE_KEYS: integer(DEFAULT_MAX_ACTIVE_KEYS, 1),
  STORRA_MAX_KEY_LIFETIME_DAYS: z
    .literal('')
    .transform(() => undefined)
    .or(z.coerce.number().int().min(1).max(MAX_KEY_LIFETIME_DAYS_LIMIT))
    .optional(),
  STORRA_ROTATION_QUIET_SECONDS: integer(DEFAULT_ROTATION_QUIET_SECONDS, 1),
  STORRA_KEY_CACHE_SIZE: integer(100_000),
  STORRA_KEY_CACHE_TTL_MS: integer(60_000, 1),
  STORRA_KEY_RATE_LIMIT: integer(100),
  STORRA_LEAK_REPORT_RATE_LIMIT: integer(DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR),
  STORRA_SECRET_SCANNING_KEYS_FILE: z.string().optional(),
  STORRA_DB_POOL_SIZE: integer(10, 1),
  STORRA_WEB_DIST: z.string().optional(),
  STORRA_AUDIT_RETENTION_DAYS: integer(DEFAULT_AUDIT_RETENTION_DAYS, 1),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  STORRA_PUBLIC_URL: optionalUrl,
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  STRIPE_PRICE_ID: optionalText,
  STRIPE_API_BASE: optionalUrl,
  SMTP_URL: optionalUrl,
  SMTP_FROM: z.string().min(3).default('Storra Cloud <no-reply@localhost>'),
})

const STRIPE_VARIABLES = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_ID'] as const

/** STRIPE_API_BASE (`http://127.0.0.1:12111`) as the Stripe client's host, port and protocol. */
function parseStripeApiBase(value: string): StripeSettings['apiBase'] {
  const url = new URL(value)
  const protocol = url.protocol === 'http:' ? 'http' : 'https'
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol }
}

/** The three STRIPE_* settings together, or none of them; a partial set stops startup. */
function parseStripe(env: z.infer<typeof envSchema>): StripeSettings | undefined {
  const missing = STRIPE_VARIABLES.filter((name) => !env[name])
  if (missing.length === STRIPE_VARIABLES.length) return undefined
  if (missing.length) throw configError(missing.map((name) => `${name}: required when any STRIPE_* is set`))
  return {
    secretKey: env.STRIPE_SECRET_KEY!,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET!,
    priceId: env.STRIPE_PRICE_ID!,
    apiBase: env.STRIPE_API_BASE ? parseStripeApiBase(env.STRIPE_API_BASE) : undefined,
  }
}

/** `true`/`false`, a hop count, or anything else Express accepts (e.g. `loopback, 10.0.0.0/8`). */
function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined || value === '') return false
  if (value === 'true' || value === 'false') return value === 'true'
  return /^\d+$/.test(value) ? Number(value) : value
}

/** A comma-separated origin list, blanks dropped. */
function parseOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
}

function configError(problems: string[]): Error {
  return new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`)
}

/**
 * Reads and validates the server's configuration from environment variables (README lists
 * them). A bad value stops startup with an Error naming every offending variable.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) throw configError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`))
  const env = parsed.data
  if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
    throw configError(['SESSION_SECRET: required in production (at least 32 characters)'])
  }
  let secret: SessionPasswords | undefined
  try {
    secret = env.SESSION_SECRET ? parseSessionSecret(env.SESSION_SECRET) : undefined
  } catch (error) {
    throw configError([(error as Error).message])
  }
  return {
    mode: env.NODE_ENV,
    http: {
      port: env.PORT,
      host: env.HOST,
      trustProxy: parseTrustProxy(env.STORRA_TRUST_PROXY),
      publicUrl: env.STORRA_PUBLIC_URL?.replace(/\/+$/, ''),
    },
    database: {
      url: env.DATABASE_URL,
      dataDir: isAbsolute(env.STORRA_DATA_DIR) ? env.STORRA_DATA_DIR : resolve(baseDir, env.STORRA_DATA_DIR),
      poolSize: env.STORRA_DB_POOL_SIZE,
    },
    session: { secret, secureCookies: env.STORRA_SECURE_COOKIES },
    limits: {
      maxActiveKeys: env.STORRA_MAX_ACTIVE_KEYS,
      keyRequestsPerSecond: env.STORRA_KEY_RATE_LIMIT,
      failedKeyAttemptsPerIpPerMinute: DEFAULT_FAILED_KEY_ATTEMPTS_PER_IP_PER_MINUTE,
      leakReportsPerIpPerHour: env.STORRA_LEAK_REPORT_RATE_LIMIT,
      login: DEFAULT_LOGIN_LIMITS,
    },
    redis: { url: env.REDIS_URL },
    keys: {
      maxLifetimeDays: env.STORRA_MAX_KEY_LIFETIME_DAYS ?? null,
      rotationQuietSeconds: env.STORRA_ROTATION_QUIET_SECONDS,
      rotationSweepIntervalMs: DEFAULT_ROTATION_SWEEP_INTERVAL_MS,
    },
    secretScanning: {
      keysFile: env.STORRA_SECRET_SCANNING_KEYS_FILE
        ? resolve(baseDir, env.STORRA_SECRET_SCANNING_KEYS_FILE)
        : undefined,
    },
    cache: { keys: env.STORRA_KEY_CACHE_SIZE, ttlMs: env.STORRA_KEY_CACHE_TTL_MS },
    web: { distDir: env.STORRA_WEB_DIST ?? DEFAULT_WEB_DIST, allowedOrigins: parseOrigins(env.STORRA_ALLOWED_ORIGINS) },
    audit: { retentionDays: env.STORRA_AUDIT_RETENTION_DAYS },
    stripe: parseStripe(env),
    mail: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM } : undefined,
    log: { level: env.LOG_LEVEL, requests: true },
  }
}
