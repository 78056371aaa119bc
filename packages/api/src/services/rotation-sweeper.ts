import type { ServiceContext } from './context.ts'
import { sweepQuietRotations } from './key-rotation.ts'

/** How often each instance looks for grace periods that have closed themselves, unless configured. */
export const DEFAULT_ROTATION_SWEEP_INTERVAL_MS = 5_000

/**
 * Runs {@link sweepQuietRotations} every `intervalMs` on this instance (every instance runs
 * one; the sweep is idempotent across them). A key is revoked at most `intervalMs` after its
 * quiet period ends. Sweeps never overlap; a failed sweep is reported and retried next time.
 */
export class RotationSweeper {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), this.options.intervalMs ?? DEFAULT_ROTATION_SWEEP_INTERVAL_MS)
    this.timer.unref()
  }

  /** One sweep now (skipped while one is running); resolves when it is done. */
  async sweep(): Promise<void> {
    this.running ??= sweepQuietRotations(this.ctx)
      .then(
        () => undefined,
        (error: unknown) => this.options.onError?.(error),
      )
      .finally(() => {
        this.running = undefined
      })
    return this.running
  }

  /** Stops the timer and waits for a sweep in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.running
  }
}
