import { purgeAuditEvents } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { compactKeyUsage } from './usage.ts'

/** What one maintenance pass did. */
export interface MaintenanceResult {
  /** Audit events older than the retention deleted. */
  auditPurged: number
  /** Minute usage rows rolled up into hours. */
  usageRolledUp: number
  /** Hour usage rows past 90 days deleted. */
  usageDeleted: number
}

/**
 * The periodic housekeeping every instance runs (hourly by default; safe concurrently):
 * the audit retention purge and the usage roll-up. `now` is explicit so tests drive it.
 */
export async function runMaintenance(
  ctx: ServiceContext,
  options: { auditRetentionDays: number },
  now = new Date(),
): Promise<MaintenanceResult> {
  const auditPurged = await purgeAuditEvents(ctx, options.auditRetentionDays, now)
  const { rolledUp, deleted } = await compactKeyUsage(ctx, now)
  return { auditPurged, usageRolledUp: rolledUp, usageDeleted: deleted }
}

/** Runs `pass` now and every `intervalMs` until the returned stop function is called. */
export function scheduleMaintenance(
  pass: () => Promise<unknown>,
  intervalMs: number,
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | undefined
  const tick = () => {
    // A pass still running (a slow database) is not doubled up.
    running ??= pass()
      .catch(onError)
      .finally(() => {
        running = undefined
      })
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  tick()
  return async () => {
    clearInterval(timer)
    await running
  }
}
