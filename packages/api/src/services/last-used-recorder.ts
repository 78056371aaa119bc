import { sql } from 'drizzle-orm'
import type { Database } from '@storra/db'

const LAST_USED_MIN_INTERVAL_MS = 60_000
const MAX_ROWS_PER_STATEMENT = 1_000

export interface LastUsedStats {
  flushes: number
  rowsWritten: number
  failures: number
}

/**
 * Coalesces `last_used` updates: a key is written at once on its first use ever, then at
 * most once a minute with its latest use time, in one statement per flush. Pending times
 * survive failed flushes and are all written on shutdown.
 *
 * Uses recorded as `prompt` (those of a rotating key) are written on the next flush (every
 * second by default) whatever the minute rule says: the rotation sweep revokes an old key
 * once `last_used` shows it silent for STORRA_ROTATION_QUIET_SECONDS, so its uses must reach
 * the database within about a second, not a minute. The margin: a key used at least once
 * every (quiet period − flush interval) is never revoked by the sweep.
 */
export class LastUsedRecorder {
  private readonly pending = new Map<string, Date>()
  private readonly lastWrittenAt = new Map<string, number>()
  // Pending keys to write on the next flush regardless of the minimum interval.
  private readonly prompt = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> | undefined
  readonly stats: LastUsedStats = { flushes: 0, rowsWritten: 0, failures: 0 }

  constructor(
    private readonly database: Database,
    private readonly options: {
      flushIntervalMs?: number
      minIntervalMs?: number
      onError?: (error: unknown) => void
    } = {},
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(false), this.options.flushIntervalMs ?? 1_000)
    this.timer.unref()
  }

  /**
   * Records a use; resolves after the write only for a key's first use ever. With `prompt`
   * the use is written on the next flush rather than within the minute.
   */
  async record(keyId: string, usedAt: Date, neverUsedBefore: boolean, prompt = false): Promise<void> {
    if (neverUsedBefore && !this.lastWrittenAt.has(keyId)) {
      this.lastWrittenAt.set(keyId, usedAt.getTime())
      try {
        await this.write([[keyId, usedAt]])
      } catch (error) {
        this.options.onError?.(error)
        this.pending.set(keyId, usedAt)
      }
      return
    }
    const previous = this.pending.get(keyId)
    if (!previous || previous < usedAt) this.pending.set(keyId, usedAt)
    if (prompt) this.prompt.add(keyId)
  }

  get pendingCount(): number {
    return this.pending.size
  }

  /** Writes what is due (or, with `all`, everything pending). */
  async flush(all = true): Promise<void> {
    while (this.flushing) await this.flushing
    this.flushing = this.flushDue(all).finally(() => {
      this.flushing = undefined
    })
    return this.flushing
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.flush(true)
  }

  private async flushDue(all: boolean): Promise<void> {
    const now = Date.now()
    const minInterval = this.options.minIntervalMs ?? LAST_USED_MIN_INTERVAL_MS
    const due: [string, Date][] = []
    for (const [keyId, usedAt] of this.pending) {
      const written = this.lastWrittenAt.get(keyId)
      if (all || written === undefined || now - written >= minInterval || this.prompt.has(keyId))
        due.push([keyId, usedAt])
    }
    // Forget write times that no longer limit anything, so the map stays as small as the busy set.
    for (const [keyId, written] of this.lastWrittenAt) {
      if (now - written >= minInterval && !this.pending.has(keyId)) this.lastWrittenAt.delete(keyId)
    }
    if (due.length === 0) return
    for (const [keyId] of due) {
      this.pending.delete(keyId)
      this.prompt.delete(keyId)
      this.lastWrittenAt.set(keyId, now)
    }
    try {
      for (let i = 0; i < due.length; i += MAX_ROWS_PER_STATEMENT)
        await this.write(due.slice(i, i + MAX_ROWS_PER_STATEMENT))
    } catch (error) {
      this.stats.failures++
      this.options.onError?.(error)
      // Put them back (keeping any newer use recorded meanwhile) for the next flush.
      for (const [keyId, usedAt] of due) {
        const newer = this.pending.get(keyId)
        if (!newer || newer < usedAt) this.pending.set(keyId, usedAt)
        this.lastWrittenAt.delete(keyId)
      }
      if (all) throw error
    }
  }

  private async write(rows: [string, Date][]): Promise<void> {
    const values = sql.join(
      rows.map(([id, usedAt]) => sql`(${id}::uuid, ${usedAt.toISOString()}::timestamptz)`),
      sql`, `,
    )
    // GREATEST keeps a newer time written by another instance.
    await this.database.db.execute(sql`
      update api_keys set last_used = greatest(api_keys.last_used, v.used_at)
      from (values ${values}) as v(id, used_at)
      where api_keys.id = v.id`)
    this.stats.flushes++
    this.stats.rowsWritten += rows.length
  }
}
