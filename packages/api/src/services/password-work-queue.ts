import { availableParallelism } from 'node:os'
import { DASHBOARD_MESSAGES } from '@storra/core'
import { ServiceError } from './service-error.ts'

/** How much argon2 work may run and wait at once. */
export interface PasswordWorkLimits {
  /** Hashes computed at the same time. */
  concurrency: number
  /** Hashes waiting for a turn; one more is refused at once. */
  maxQueued: number
  /** Longest wait for a turn, in ms; a hash still waiting then is refused. */
  maxWaitMs: number
}

/**
 * One core fewer than the machine has (at least one), so the event loop and the database
 * keep a core while passwords are hashed; a queue of 16 per worker, at most 5 s long.
 */
export function defaultPasswordWorkLimits(): PasswordWorkLimits {
  const concurrency = Math.max(1, availableParallelism() - 1)
  return { concurrency, maxQueued: concurrency * 16, maxWaitMs: 5_000 }
}

function busy(): ServiceError {
  return new ServiceError('SERVICE_UNAVAILABLE', DASHBOARD_MESSAGES.passwordWorkBusy, 1)
}

/**
 * Bounds concurrent password hashing (argon2id: 19 MiB and tens of ms of CPU each). Without
 * it, 50 logins at once occupied every core and libuv thread and health checks waited over a
 * second (issue 10.6). Work beyond the bound waits in a bounded FIFO queue; past that, or
 * after `maxWaitMs`, it is refused with a SERVICE_UNAVAILABLE ServiceError (503, Retry-After 1).
 */
export class PasswordWorkQueue {
  private active = 0
  private readonly waiting: { start(): void }[] = []

  constructor(readonly limits: PasswordWorkLimits = defaultPasswordWorkLimits()) {}

  /** Hashes running and waiting now (for tests and metrics). */
  get load(): { active: number; queued: number } {
    return { active: this.active, queued: this.waiting.length }
  }

  /** Runs `work` when a turn is free; rejects with the busy ServiceError when none comes. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire()
    try {
      return await work()
    } finally {
      this.release()
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limits.concurrency) {
      this.active++
      return Promise.resolve()
    }
    if (this.waiting.length >= this.limits.maxQueued) return Promise.reject(busy())
    return new Promise((resolve, reject) => {
      const entry = {
        start: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1)
        reject(busy())
      }, this.limits.maxWaitMs)
      timer.unref()
      this.waiting.push(entry)
    })
  }

  private release(): void {
    // The turn passes straight to the next waiter, so `active` only drops when none waits.
    const next = this.waiting.shift()
    if (next) next.start()
    else this.active--
  }
}
