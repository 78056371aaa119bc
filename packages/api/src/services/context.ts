import type { Database } from '@storra/db'
import type { BillingGateway } from './billing.ts'
import type { CacheInvalidation } from './cache-invalidation.ts'
import type { LoginThrottle } from './login-throttle-contract.ts'
import type { Mailer, RequestThrottle } from './password-reset.ts'
import type { PasswordWorkQueue } from './password-work-queue.ts'

/** The operator's key lifecycle settings (STORRA_MAX_KEY_LIFETIME_DAYS, STORRA_ROTATION_QUIET_SECONDS). */
export interface KeyLifecycleSettings {
  /** Keys live at most this many days; null: no maximum (keys may never expire). */
  maxKeyLifetimeDays: number | null
  /** A rotating key silent this long, once its replacement is in use, is revoked. */
  rotationQuietSeconds: number
}

/** What every service function needs; built once per process by `createServices`. */
export interface ServiceContext {
  database: Database
  maxActiveKeys: number
  keyLifecycle: KeyLifecycleSettings
  invalidation: CacheInvalidation
  loginThrottle: LoginThrottle
  /** Every argon2 hash or verification runs through it. */
  passwordWork: PasswordWorkQueue
  /**
   * Where people reach the dashboard (`https://keys.example.com`, no trailing slash): the base of
   * reset links and Stripe's return URLs. Set by the server once it listens (STORRA_PUBLIC_URL
   * or its own address).
   */
  publicUrl: string
  /** Stripe, when STRIPE_* is configured; absent: upgrades are the operator's job. */
  billing?: BillingGateway
  /** Outgoing mail, when SMTP_URL is configured; absent: no "Forgot password?" by email. */
  mailer?: Mailer
  /** Throttles "Forgot password?" requests per email and per IP. */
  resetThrottle: RequestThrottle
}
