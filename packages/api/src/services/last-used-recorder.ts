import { sql, type SQL } from 'drizzle-orm'
import type { Database } from '@storra/db'
import type { UsageOutcome } from '@storra/core'
import { storedUserAgent } from './audit.ts'
import type { VerifiedKey } from './key-verifier.ts'

const LAST_USED_MIN_INTERVAL_MS = 60_000
const MINUTE_MS = 60_000
const MAX_ROWS_PER_STATEMENT = 1_000
const OUTCOME_INDEX: Readonly<Record<UsageOutcome, number>> = {
  ok: 0,
  plan_forbidden: 1,
  ip_denied: 2,
  rate_limited: 3,
  revoked: 4,
}

export interface KeyUseStats {
  /** Flushes that wrote anything. */
  flushes: number
  /** `api_keys` rows written (last use). */
  rowsWritten: number
  /** `api_key_usage` minute rows written. */
  usageRowsWritten: number
  failures: number
}

/** One key's counts for one minute, in {@link USAGE_OUTCOMES} order. */
type Counts = [number, number, number, number, number]

interface LastUse {
  at: number
  ip: string | null
  userAgent: string | undefined
}

/** What the recorder holds for one key between flushes. */
interface KeyState {
  /** Start (ms UTC) of the minute `counts` belongs to. */
  minute: number
  counts: Counts | undefined
  lastUse: LastUse | undefined
}

interface MinuteCounts {
  keyId: string
  minute: number
  counts: Counts
}

function addInto(target: Counts, source: Counts): void {
  for (let i = 0; i < 5; i++) target[i]! += source[i]!
}

/**
 * The one recorder of what keys do on the client API. The hot path makes one call per request,
 * {@link recordAccepted} or {@link recordUse}, an in-memory update; a timer writes in batches: each key's last use (time, IP, user agent)
 * at most once a minute per instance, and each key's per-minute counts by outcome once the
 * minute has ended, one statement per table per flush (counts add to what other instances
 * wrote). {@link stop} writes everything pending, the current minute included. Failed writes
 * are kept and retried.
 *
 * Rotating keys ({@link recordAccepted}) have their last accepted use written on the next
 * flush (every second by default) whatever the minute rule says: the rotation sweep revokes an
 * old key once `last_used` shows it silent for STORRA_ROTATION_QUIET_SECONDS, so its uses must
 * reach the database within about a second. The margin: a key used at least once every (quiet
 * period − flush interval) is never revoked by the sweep.
 */
export class KeyUseRecorder {
  private readonly keys = new Map<string, KeyState>()
  /** Minutes that ended (or arrived late) and wait for the next flush. */
  private closed: MinuteCounts[] = []
  private readonly lastWrittenAt = new Map<string, number>()
  // Keys whose pending last use is written on the next flush regardless of the minute rule.
  private readonly prompt = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private flushing: Promise<void> | undefined
  readonly stats: KeyUseStats = { flushes: 0, rowsWritten: 0, usageRowsWritten: 0, failures: 0 }

  constructor(
    private readonly database: Database,
    private readonly options: {
      flushIntervalMs?: number
      minIntervalMs?: number
      onError?: (error: unknown) => void
    } = {},
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(false).catch(() => {}), this.options.flushIntervalMs ?? 1_000)
    this.timer.unref()
  }

  /**
   * Counts one client API request made with `keyId` (ms UTC `now`) by outcome. Only an `ok`
   * request becomes the key's last use (from `ip` with `userAgent`, cut when written): a refused
   * request (IP, plan, rate, revoked) must not look like the key at work, since the rotation
   * sweep reads a replacement's `last_used` as "it has authenticated a request". No I/O. The
   * client API calls {@link recordAccepted} for accepted requests instead.
   */
  recordUse(
    keyId: string,
    outcome: UsageOutcome,
    ip: string | undefined,
    userAgent: string | undefined,
    now: number = Date.now(),
  ): void {
    const minute = now - (now % MINUTE_MS)
    let state = this.keys.get(keyId)
    if (!state) {
      state = { minute, counts: undefined, lastUse: undefined }
      this.keys.set(keyId, state)
    }
    if (minute !== state.minute) {
      if (minute < state.minute) {
        // A request stamped in an earlier minute than the one being counted: its own entry.
        const counts: Counts = [0, 0, 0, 0, 0]
        counts[OUTCOME_INDEX[outcome]]! += 1
        this.closed.push({ keyId, minute, counts })
        if (outcome === 'ok') this.noteLastUse(state, ip, userAgent, now)
        return
      }
      if (state.counts) this.closed.push({ keyId, minute: state.minute, counts: state.counts })
      state.minute = minute
      state.counts = undefined
    }
    state.counts ??= [0, 0, 0, 0, 0]
    state.counts[OUTCOME_INDEX[outcome]]! += 1
    if (outcome === 'ok') this.noteLastUse(state, ip, userAgent, now)
  }

  /**
   * The client API's one call for an accepted request made with `key` (as the verifier holds
   * it): {@link recordUse} with `ok`; a rotating key's use is written on the next flush (about
   * a second) rather than within the minute; a key's first accepted use ever writes `last_used`
   * at once (the dashboard shows it right away; IP and user agent follow with the next flush),
   * and only then is a promise returned (it never rejects: failures go to `onError`).
   */
  recordAccepted(
    key: VerifiedKey,
    ip: string | undefined,
    userAgent: string | undefined,
    now: number = Date.now(),
  ): Promise<void> | undefined {
    this.recordUse(key.keyId, 'ok', ip, userAgent, now)
    // The rotation sweep revokes an old key once `last_used` shows it silent: its uses must be prompt.
    if (key.rotating) this.prompt.add(key.keyId)
    if (!key.neverUsed) return undefined
    key.neverUsed = false
    return this.recordFirstUse(key.keyId, new Date(now))
  }

  private noteLastUse(state: KeyState, ip: string | undefined, userAgent: string | undefined, now: number): void {
    if (state.lastUse && state.lastUse.at > now) return
    if (state.lastUse) {
      state.lastUse.at = now
      state.lastUse.ip = ip ?? null
      state.lastUse.userAgent = userAgent
    } else {
      state.lastUse = { at: now, ip: ip ?? null, userAgent }
    }
  }

  private async recordFirstUse(keyId: string, usedAt: Date): Promise<void> {
    try {
      await this.database.db.execute(sql`
        update api_keys set last_used = ${usedAt.toISOString()}::timestamptz
        where id = ${keyId}::uuid and last_used is null`)
      this.stats.rowsWritten++
    } catch (error) {
      this.options.onError?.(error)
    }
  }

  /** Keys with a last use or counts not yet written. */
  get pendingCount(): number {
    let n = 0
    for (const state of this.keys.values()) if (state.lastUse || state.counts) n++
    return n + this.closed.length
  }

  /** Writes what is due (or, with `all`, everything pending); `now` (ms UTC) decides what is due. */
  async flush(all = true, now = Date.now()): Promise<void> {
    while (this.flushing) await this.flushing
    this.flushing = this.flushDue(all, now).finally(() => {
      this.flushing = undefined
    })
    return this.flushing
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    this.timer = undefined
    await this.flush(true)
  }

  private takeDue(all: boolean, now: number): { uses: [string, LastUse][]; minutes: MinuteCounts[] } {
    const minInterval = this.options.minIntervalMs ?? LAST_USED_MIN_INTERVAL_MS
    const currentMinute = now - (now % MINUTE_MS)
    const uses: [string, LastUse][] = []
    const merged = new Map<string, MinuteCounts>()
    const add = (entry: MinuteCounts) => {
      const id = `${entry.keyId} ${entry.minute}`
      const seen = merged.get(id)
      if (seen) addInto(seen.counts, entry.counts)
      else merged.set(id, { keyId: entry.keyId, minute: entry.minute, counts: [...entry.counts] })
    }
    for (const entry of this.closed) add(entry)
    this.closed = []
    for (const [keyId, state] of this.keys) {
      if (state.counts && (all || state.minute < currentMinute)) {
        add({ keyId, minute: state.minute, counts: state.counts })
        state.counts = undefined
      }
      const written = this.lastWrittenAt.get(keyId)
      if (state.lastUse && (all || written === undefined || now - written >= minInterval || this.prompt.has(keyId))) {
        this.prompt.delete(keyId)
        uses.push([keyId, state.lastUse])
        state.lastUse = undefined
        this.lastWrittenAt.set(keyId, now)
      }
      if (!state.counts && !state.lastUse) this.keys.delete(keyId)
    }
    // Forget write times that no longer limit anything, so the map stays as small as the busy set.
    for (const [keyId, written] of this.lastWrittenAt) {
      if (now - written >= minInterval && !this.keys.has(keyId)) this.lastWrittenAt.delete(keyId)
    }
    return { uses, minutes: [...merged.values()] }
  }

  private async flushDue(all: boolean, now: number): Promise<void> {
    const { uses, minutes } = this.takeDue(all, now)
    if (uses.length === 0 && minutes.length === 0) return
    let failure: unknown
    try {
      for (let i = 0; i < uses.length; i += MAX_ROWS_PER_STATEMENT)
        await this.writeLastUses(uses.slice(i, i + MAX_ROWS_PER_STATEMENT))
    } catch (error) {
      failure = error
      this.restoreLastUses(uses)
    }
    try {
      for (let i = 0; i < minutes.length; i += MAX_ROWS_PER_STATEMENT)
        await this.writeCounts(minutes.slice(i, i + MAX_ROWS_PER_STATEMENT))
    } catch (error) {
      failure ??= error
      // Whole-statement failures write nothing, so all of it goes back for the next flush.
      this.closed.push(...minutes)
    }
    if (failure === undefined) {
      this.stats.flushes++
      return
    }
    this.stats.failures++
    this.options.onError?.(failure)
    if (all) throw failure instanceof Error ? failure : new Error('key use flush failed', { cause: failure })
  }

  private restoreLastUses(uses: [string, LastUse][]): void {
    for (const [keyId, use] of uses) {
      this.lastWrittenAt.delete(keyId)
      let state = this.keys.get(keyId)
      if (!state) {
        state = { minute: 0, counts: undefined, lastUse: undefined }
        this.keys.set(keyId, state)
      }
      if (!state.lastUse || state.lastUse.at < use.at) state.lastUse = use
    }
  }

  private async writeLastUses(rows: [string, LastUse][]): Promise<void> {
    const values = sql.join(
      rows.map(
        ([id, use]) =>
          sql`(${id}::uuid, ${new Date(use.at).toISOString()}::timestamptz, ${use.ip}::text, ${storedUserAgent(use.userAgent)}::text)`,
      ),
      sql`, `,
    )
    // Only a newer use replaces the stored one (another instance may have written a later one),
    // so the time, IP and user agent always describe the same request.
    await this.database.db.execute(sql`
      update api_keys set last_used = v.used_at, last_used_ip = v.ip, last_used_user_agent = v.user_agent
      from (values ${values}) as v(id, used_at, ip, user_agent)
      where api_keys.id = v.id and (api_keys.last_used is null or api_keys.last_used <= v.used_at)`)
    this.stats.rowsWritten += rows.length
  }

  private async writeCounts(rows: MinuteCounts[]): Promise<void> {
    const values: SQL = sql.join(
      rows.map(
        ({ keyId, minute, counts }) =>
          sql`(${keyId}::uuid, ${new Date(minute).toISOString()}::timestamptz, ${counts[0]}::int, ${counts[1]}::int, ${counts[2]}::int, ${counts[3]}::int, ${counts[4]}::int)`,
      ),
      sql`, `,
    )
    // Counts add to the row other instances (or earlier flushes) wrote; keys deleted meanwhile
    // (their account was) are skipped rather than failing the whole batch.
    await this.database.db.execute(sql`
      insert into api_key_usage (key_id, granularity, start, ok, plan_forbidden, ip_denied, rate_limited, revoked)
      select v.key_id, 'minute', v.start, v.ok, v.plan_forbidden, v.ip_denied, v.rate_limited, v.revoked
      from (values ${values}) as v(key_id, start, ok, plan_forbidden, ip_denied, rate_limited, revoked)
      where exists (select 1 from api_keys k where k.id = v.key_id)
      on conflict (key_id, granularity, start) do update set
        ok = api_key_usage.ok + excluded.ok,
        plan_forbidden = api_key_usage.plan_forbidden + excluded.plan_forbidden,
        ip_denied = api_key_usage.ip_denied + excluded.ip_denied,
        rate_limited = api_key_usage.rate_limited + excluded.rate_limited,
        revoked = api_key_usage.revoked + excluded.revoked`)
    this.stats.usageRowsWritten += rows.length
  }
}
