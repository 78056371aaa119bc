import { and, eq, sql } from 'drizzle-orm'
import { apiKeys } from '@storra/db'
import {
  DASHBOARD_MESSAGES,
  isKeyPrefix,
  USAGE_HOUR_RETENTION_DAYS,
  USAGE_MINUTE_RETENTION_HOURS,
  type KeyUsage,
  type UsageBucket,
  type UsageWindow,
} from '@storra/core'
import type { ServiceContext } from './context.ts'
import { ServiceError } from './service-error.ts'

const HOUR_MS = 3_600_000
const WINDOW_MS: Readonly<Record<UsageWindow, number>> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
  '30d': 30 * 24 * HOUR_MS,
}

interface BucketRow extends Record<string, unknown> {
  start: string | Date
  ok: number | string
  plan_forbidden: number | string
  ip_denied: number | string
  rate_limited: number | string
  revoked: number | string
}

interface SummaryRow extends Record<string, unknown> {
  prefix: string
  hour: string | Date | null
  total: number | string
  revoked_today: number | string
}

interface CountRow extends Record<string, unknown> {
  n: number | string
}

function toBucket(row: BucketRow): UsageBucket {
  return {
    start: new Date(row.start).toISOString(),
    ok: Number(row.ok),
    plan_forbidden: Number(row.plan_forbidden),
    ip_denied: Number(row.ip_denied),
    rate_limited: Number(row.rate_limited),
    revoked: Number(row.revoked),
  }
}

/** The account's key with this prefix (revoked ones too: their attempts are still counted). */
async function keyIdOf(ctx: ServiceContext, userId: string, prefix: string): Promise<string> {
  if (!isKeyPrefix(prefix)) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  const [row] = await ctx.database.db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), eq(apiKeys.userId, userId)))
  if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound)
  return row.id
}

/**
 * One key's client API requests by outcome over `window` before `now`: minute buckets for
 * `24h`, hour buckets for `7d` and `30d`, oldest first. Buckets without requests are left out.
 * Counts reach the database when their minute ends (plus the flush interval). NOT_FOUND when
 * the account has no key with this prefix.
 */
export async function getKeyUsage(
  ctx: ServiceContext,
  userId: string,
  prefix: string,
  window: UsageWindow,
  now = new Date(),
): Promise<KeyUsage> {
  const keyId = await keyIdOf(ctx, userId, prefix)
  const since = new Date(now.getTime() - WINDOW_MS[window]).toISOString()
  const granularity = window === '24h' ? 'minute' : 'hour'
  const bucketStart =
    granularity === 'minute' ? sql`start` : sql`date_trunc('hour', start at time zone 'UTC') at time zone 'UTC'`
  const result = await ctx.database.db.execute<BucketRow>(sql`
    select ${bucketStart} as start, sum(ok)::int as ok, sum(plan_forbidden)::int as plan_forbidden,
      sum(ip_denied)::int as ip_denied, sum(rate_limited)::int as rate_limited, sum(revoked)::int as revoked
    from api_key_usage
    where key_id = ${keyId}::uuid and start >= ${since}::timestamptz and start <= ${now.toISOString()}::timestamptz
    group by 1 order by 1`)
  return { prefix, granularity, buckets: rowsOf<BucketRow>(result).map(toBucket) }
}

/** A 24-hour summary of one key for the key list: requests per hour, oldest first. */
export interface KeyActivitySummary {
  prefix: string
  /** Requests (every outcome) in each of the last 24 hours, oldest first; the last is the current hour. */
  hourly: number[]
  /** Attempts with the key after it was revoked or expired, since 00:00 UTC today. */
  revoked_today: number
}

/**
 * Every key of the account (revoked ones only when tried today) with its last 24 hours, in one
 * query: the key list's sparklines and stale-key flags without a call per key.
 */
export async function summarizeKeyActivity(
  ctx: ServiceContext,
  userId: string,
  now = new Date(),
): Promise<KeyActivitySummary[]> {
  const currentHour = now.getTime() - (now.getTime() % HOUR_MS)
  const since = new Date(currentHour - 23 * HOUR_MS).toISOString()
  const midnight = new Date(now.getTime() - (now.getTime() % (24 * HOUR_MS))).toISOString()
  const result = await ctx.database.db.execute<SummaryRow>(sql`
    select k.prefix, date_trunc('hour', u.start at time zone 'UTC') at time zone 'UTC' as hour,
      coalesce(sum(u.ok + u.plan_forbidden + u.ip_denied + u.rate_limited + u.revoked), 0)::int as total,
      coalesce(sum(u.revoked) filter (where u.start >= ${midnight}::timestamptz), 0)::int as revoked_today
    from api_keys k
    join api_key_usage u on u.key_id = k.id and u.start >= ${since}::timestamptz
    where k.user_id = ${userId}::uuid
    group by 1, 2`)
  const byPrefix = new Map<string, KeyActivitySummary>()
  for (const row of rowsOf<SummaryRow>(result)) {
    let summary = byPrefix.get(row.prefix)
    if (!summary) {
      summary = { prefix: row.prefix, hourly: Array<number>(24).fill(0), revoked_today: 0 }
      byPrefix.set(row.prefix, summary)
    }
    const index = 23 - Math.round((currentHour - new Date(row.hour!).getTime()) / HOUR_MS)
    if (index >= 0 && index < 24) summary.hourly[index]! += Number(row.total)
    summary.revoked_today += Number(row.revoked_today)
  }
  return [...byPrefix.values()]
}

/**
 * Rolls minute buckets older than 48 hours (before `now`) up into hour buckets and deletes hour
 * buckets older than 90 days. Safe to run on several instances at once: each minute row is
 * deleted (and added to its hour) exactly once. Returns the rows moved and deleted.
 */
export async function compactKeyUsage(
  ctx: ServiceContext,
  now = new Date(),
): Promise<{ rolledUp: number; deleted: number }> {
  const minuteCutoff = new Date(now.getTime() - USAGE_MINUTE_RETENTION_HOURS * HOUR_MS).toISOString()
  const hourCutoff = new Date(now.getTime() - USAGE_HOUR_RETENTION_DAYS * 24 * HOUR_MS).toISOString()
  const rolled = await ctx.database.db.execute<CountRow>(sql`
    with moved as (
      delete from api_key_usage where granularity = 'minute' and start < ${minuteCutoff}::timestamptz
      returning *
    ), added as (
      insert into api_key_usage (key_id, granularity, start, ok, plan_forbidden, ip_denied, rate_limited, revoked)
      select key_id, 'hour', date_trunc('hour', start at time zone 'UTC') at time zone 'UTC',
        sum(ok), sum(plan_forbidden), sum(ip_denied), sum(rate_limited), sum(revoked)
      from moved group by 1, 3
      on conflict (key_id, granularity, start) do update set
        ok = api_key_usage.ok + excluded.ok,
        plan_forbidden = api_key_usage.plan_forbidden + excluded.plan_forbidden,
        ip_denied = api_key_usage.ip_denied + excluded.ip_denied,
        rate_limited = api_key_usage.rate_limited + excluded.rate_limited,
        revoked = api_key_usage.revoked + excluded.revoked
      returning 1
    )
    select count(*)::int as n from moved`)
  const deleted = await ctx.database.db.execute<CountRow>(sql`
    with gone as (
      delete from api_key_usage where granularity = 'hour' and start < ${hourCutoff}::timestamptz returning 1
    )
    select count(*)::int as n from gone`)
  return {
    rolledUp: Number(rowsOf<CountRow>(rolled)[0]?.n ?? 0),
    deleted: Number(rowsOf<CountRow>(deleted)[0]?.n ?? 0),
  }
}

/** drizzle's `execute` answers an array (postgres-js) or `{ rows }` (PGlite). */
function rowsOf<Row>(result: unknown): Row[] {
  return Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? [])
}
