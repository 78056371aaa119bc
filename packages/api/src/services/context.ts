import type { Database } from '@storra/db'
import type { CacheInvalidation } from './cache-invalidation.ts'
import type { LoginThrottle } from './login-throttle-contract.ts'
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
}
