import { Worker } from 'node:worker_threads'
import type { Logger } from 'pino'
import { flushLogs, releaseLogsAtExit } from './http/logger.ts'

/** How long (ms) a graceful stop may take before the process exits with code 1. */
const SHUTDOWN_DEADLINE_MS = 25_000
/** After the deadline, how long (ms) the watchdog gives the forced exit before SIGKILL. */
const WATCHDOG_GRACE_MS = 5_000
/** At most this long (ms) is spent writing buffered log lines once everything is closed. */
const LOG_FLUSH_BUDGET_MS = 2_000

// Runs on its own thread: a main thread stuck in a synchronous write (a pipe nobody reads,
// a stalled disk under the embedded database) runs no timers, so the deadline must not
// depend on it. The message is best effort: stderr may be the stuck pipe.
const WATCHDOG_SOURCE = `
const { workerData } = require('node:worker_threads')
setTimeout(() => {
  const kill = () => process.kill(workerData.pid, 'SIGKILL')
  require('node:fs').write(2, 'storra: shutdown is stuck past its deadline; killing the process\\n', kill)
  setTimeout(kill, 500)
}, workerData.ms)
`

/**
 * Arms a watchdog thread that SIGKILLs this process `ms` (ms) from now, whatever the main
 * thread is doing. It does not keep the process alive.
 */
function armWatchdog(ms: number): void {
  const watchdog = new Worker(WATCHDOG_SOURCE, { eval: true, workerData: { pid: process.pid, ms } })
  watchdog.unref()
}

/**
 * On SIGTERM or SIGINT: stop accepting, finish in-flight requests and close the database
 * (`running.close()`), flush logs within a bound, exit 0. If that takes longer than
 * `deadlineMs` (ms), exit 1; if even that exit cannot happen (the main thread is blocked),
 * a watchdog thread kills the process `WATCHDOG_GRACE_MS` later. Repeated signals are ignored.
 */
export function stopOnSignals(
  running: { close(): Promise<void> },
  logger: Logger,
  deadlineMs = SHUTDOWN_DEADLINE_MS,
): void {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    armWatchdog(deadlineMs + WATCHDOG_GRACE_MS)
    logger.info({ signal }, 'shutting down: finishing in-flight requests')
    const startedAt = Date.now()
    const forced = setTimeout(() => {
      logger.error('shutdown took too long; exiting')
      releaseLogsAtExit(logger)
      process.exit(1)
    }, deadlineMs)
    forced.unref()
    const finish = async (code: number) => {
      await flushLogs(logger, Math.max(0, Math.min(LOG_FLUSH_BUDGET_MS, deadlineMs - (Date.now() - startedAt))))
      process.exit(code)
    }
    running
      .close()
      .then(() => {
        logger.info('stopped cleanly')
        return finish(0)
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed')
        return finish(1)
      })
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
