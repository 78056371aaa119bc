import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_MAX_ACTIVE_KEYS, DEFAULT_ROTATION_QUIET_SECONDS } from '@storra/core'
import type { Database } from '@storra/db'
import { createCacheInvalidation } from './cache-invalidation.ts'
import type { KeyLifecycleSettings, ServiceContext } from './context.ts'
import { KeyVerifier, type KeyVerifierOptions } from './key-verifier.ts'
import { KeyUseRecorder } from './last-used-recorder.ts'
import { DEFAULT_ROTATION_SWEEP_INTERVAL_MS, sweepQuietRotations } from './key-rotation.ts'
import { noLoginThrottle, type LoginThrottle } from './login-throttle-contract.ts'
import { runMaintenance, scheduleMaintenance } from './maintenance.ts'
import type { BillingGateway } from './billing.ts'
import { noRequestThrottle, type Mailer, type RequestThrottle } from './password-reset.ts'
import { defaultPasswordWorkLimits, PasswordWorkQueue, type PasswordWorkLimits } from './password-work-queue.ts'

export * from './api-keys.ts'
export * from './audit.ts'
export * from './billing.ts'
export * from './cache-invalidation.ts'
export * from './context.ts'
export * from './key-rotation.ts'
export * from './key-verifier.ts'
export * from './last-used-recorder.ts'
export * from './leak-reports.ts'
export * from './login-throttle-contract.ts'
export * from './maintenance.ts'
export * from './password-reset.ts'
export * from './password-work-queue.ts'
export * from './passwords.ts'
export * from './problem.ts'
export * from './serialize.ts'
export * from './service-error.ts'
export * from './sessions.ts'
export * from './types.ts'
export * from './usage.ts'
export * from './users.ts'

export interface ServicesOptions {
  maxActiveKeys?: number
  /** Defaults: no maximum lifetime, {@link DEFAULT_ROTATION_QUIET_SECONDS}. */
  keyLifecycle?: Partial<KeyLifecycleSettings>
  /** How often this instance sweeps for rotations that fell silent (ms). */
  rotationSweepIntervalMs?: number
  keyCache?: KeyVerifierOptions
  lastUsedFlushIntervalMs?: number
  /** How often each instance checks that it still hears invalidations (PostgreSQL only). */
  listenerHeartbeatMs?: number
  loginThrottle?: LoginThrottle
  /** Bounds on concurrent password hashing; defaults to {@link defaultPasswordWorkLimits}. */
  passwordWork?: Partial<PasswordWorkLimits>
  onBackgroundError?: (error: unknown) => void
  /** Days audit events are kept (STORRA_AUDIT_RETENTION_DAYS); 365 by default. */
  auditRetentionDays?: number
  /** How often the audit purge and usage roll-up run (ms); 0 turns them off. One hour by default. */
  maintenanceIntervalMs?: number
  /** See {@link ServiceContext.publicUrl}; the server sets it again once it listens. */
  publicUrl?: string
  billing?: BillingGateway
  mailer?: Mailer
  resetThrottle?: RequestThrottle
}

export interface Services extends ServiceContext {
  verifier: KeyVerifier
  /** The one recorder of key use: last use (time, IP, user agent) and per-minute counts. */
  lastUsed: KeyUseRecorder
  /** Starts background work: invalidation, key-use flushing, the rotation sweep, periodic maintenance. */
  start(): Promise<void>
  /** Flushes pending `last_used` writes and stops background work; the database stays open. */
  stop(): Promise<void>
}

export function createServices(database: Database, options: ServicesOptions = {}): Services {
  const onError = options.onBackgroundError ?? (() => {})
  const invalidation = createCacheInvalidation(database, { onError, heartbeatMs: options.listenerHeartbeatMs })
  const lastUsed = new KeyUseRecorder(database, { flushIntervalMs: options.lastUsedFlushIntervalMs, onError })
  const verifier = new KeyVerifier(database, invalidation, options.keyCache)
  let stopMaintenance: (() => Promise<void>) | undefined
  let stopRotationSweep: (() => Promise<void>) | undefined
  const context: ServiceContext = {
    database,
    maxActiveKeys: options.maxActiveKeys ?? DEFAULT_MAX_ACTIVE_KEYS,
    keyLifecycle: {
      maxKeyLifetimeDays: options.keyLifecycle?.maxKeyLifetimeDays ?? null,
      rotationQuietSeconds: options.keyLifecycle?.rotationQuietSeconds ?? DEFAULT_ROTATION_QUIET_SECONDS,
    },
    invalidation,
    loginThrottle: options.loginThrottle ?? noLoginThrottle,
    passwordWork: new PasswordWorkQueue({ ...defaultPasswordWorkLimits(), ...options.passwordWork }),
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    billing: options.billing,
    mailer: options.mailer,
    resetThrottle: options.resetThrottle ?? noRequestThrottle,
  }
  return {
    ...context,
    verifier,
    lastUsed,
    async start() {
      await invalidation.start()
      lastUsed.start()
      // Every instance sweeps (the sweep is idempotent across them); the one scheduler never overlaps passes.
      stopRotationSweep ??= scheduleMaintenance(
        () => sweepQuietRotations(context),
        options.rotationSweepIntervalMs ?? DEFAULT_ROTATION_SWEEP_INTERVAL_MS,
        onError,
      )
      const interval = options.maintenanceIntervalMs ?? 3_600_000
      if (interval > 0 && !stopMaintenance) {
        const retention = { auditRetentionDays: options.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS }
        stopMaintenance = scheduleMaintenance(() => runMaintenance(context, retention), interval, onError)
      }
    },
    async stop() {
      await stopMaintenance?.()
      stopMaintenance = undefined
      await stopRotationSweep?.()
      stopRotationSweep = undefined
      await lastUsed.stop()
      await invalidation.stop()
      verifier.close()
    },
  }
}
