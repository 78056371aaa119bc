import type { Database } from '@storra/db'
import type { CacheInvalidation } from './cache-invalidation.ts'
import type { LoginThrottle } from './login-throttle-contract.ts'
import type { PasswordWorkQueue } from './password-work-queue.ts'

/** What every service function needs; built once per process by `createServices`. */
export interface ServiceContext {
  database: Database
  maxActiveKeys: number
  invalidation: CacheInvalidation
  loginThrottle: LoginThrottle
  /** Every argon2 hash or verification runs through it. */
  passwordWork: PasswordWorkQueue
}
