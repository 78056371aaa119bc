import { and, desc, eq, lt, sql } from 'drizzle-orm'
import { auditEvents, type AuditEventRow, type Db } from '@storra/db'
import {
  DASHBOARD_MESSAGES,
  DEFAULT_AUDIT_PAGE_SIZE,
  MAX_STORED_USER_AGENT_LENGTH,
  type AuditActor,
  type AuditEvent,
  type AuditEventType,
  type AuditLogPage,
} from '@storra/core'
import type { ServiceContext } from './context.ts'
import { ServiceError } from './service-error.ts'

/**
 * Who is asking, as the edge (tRPC context, REST, CLI) knows it: passed to services as a
 * parameter, never read from globals, so every audit event names its actor, IP and user agent.
 */
export interface RequestMeta {
  actor: AuditActor
  /** The signed-in account acting (an admin acting on someone else's account is this one). */
  actorUserId?: string
  ip?: string
  userAgent?: string
}

/** The metadata of work the service does by itself (sweeps, purges). */
export const SYSTEM_REQUEST: RequestMeta = { actor: 'system' }
/** The metadata of an operator's `storra` command. */
export const CLI_REQUEST: RequestMeta = { actor: 'cli' }

/** A transaction or the database handle: audit events are written on the caller's transaction. */
export type AuditWriter = Pick<Db, 'insert'>

export interface NewAuditEvent {
  type: AuditEventType
  /** The account the event concerns; null for a failed login naming no account. */
  userId: string | null
  keyPrefix?: string | null
  /** Small JSON; the caller passes only non-secret facts (reasons, plans, labels). */
  details?: Record<string, unknown>
  meta: RequestMeta
}

/** A user agent cut to what is stored, control characters dropped; undefined → null. */
export function storedUserAgent(userAgent: string | undefined): string | null {
  if (!userAgent) return null
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  const clean = userAgent.replace(/[\u0000-\u001f\u007f]/g, '')
  return clean ? clean.slice(0, MAX_STORED_USER_AGENT_LENGTH) : null
}

/**
 * Appends one event. Call it with the transaction of the change it records, so the event and
 * the change commit (or roll back) together.
 */
export async function recordAuditEvent(tx: AuditWriter, event: NewAuditEvent): Promise<void> {
  await recordAuditEvents(tx, [event])
}

/**
 * Appends several events with one INSERT (a leak report revoking a thousand keys is one
 * statement); as {@link recordAuditEvent}, on the transaction of the change. No events, no statement.
 */
export async function recordAuditEvents(tx: AuditWriter, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      userId: event.userId,
      type: event.type,
      actor: event.meta.actor,
      actorUserId: event.meta.actorUserId ?? null,
      keyPrefix: event.keyPrefix ?? null,
      ip: event.meta.ip ?? null,
      userAgent: storedUserAgent(event.meta.userAgent),
      details: event.details ?? {},
    })),
  )
}

const CURSOR_PATTERN = /^[1-9][0-9]{0,17}$/

function encodeCursor(seq: number): string {
  return Buffer.from(`a1:${seq}`).toString('base64url')
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const seq = text.startsWith('a1:') ? text.slice(3) : ''
  if (!CURSOR_PATTERN.test(seq) || !Number.isSafeInteger(Number(seq)))
    throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.invalidAuditCursor)
  return Number(seq)
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    type: row.type as AuditEventType,
    actor: row.actor as AuditActor,
    key_prefix: row.keyPrefix,
    ip: row.ip,
    user_agent: row.userAgent,
    created_at: row.createdAt.toISOString(),
    details: row.details,
  }
}

export interface AuditQuery {
  /** The account whose events to list; undefined lists every account's (admin only). */
  userId?: string
  limit?: number
  /** `next_cursor` of the previous page. */
  cursor?: string
  keyPrefix?: string
}

/**
 * A page of audit events, newest first. Keyset pagination on the append-only sequence: events
 * written while someone pages never shift a page, so nothing is shown twice or skipped.
 * Raises BAD_REQUEST for a cursor it did not give out.
 */
export async function listAuditEvents(ctx: ServiceContext, query: AuditQuery): Promise<AuditLogPage> {
  const limit = query.limit ?? DEFAULT_AUDIT_PAGE_SIZE
  const after = query.cursor ? decodeCursor(query.cursor) : undefined
  const rows = await ctx.database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        query.userId ? eq(auditEvents.userId, query.userId) : undefined,
        query.keyPrefix ? eq(auditEvents.keyPrefix, query.keyPrefix) : undefined,
        after !== undefined ? lt(auditEvents.seq, after) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit + 1)
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    events: page.map(toAuditEvent),
    next_cursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
  }
}

/** Deletes events older than `retentionDays` before `now`; returns how many went. */
export async function purgeAuditEvents(ctx: ServiceContext, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000)
  const deleted = await ctx.database.db
    .delete(auditEvents)
    .where(lt(auditEvents.createdAt, sql`${cutoff.toISOString()}::timestamptz`))
    .returning({ seq: auditEvents.seq })
  return deleted.length
}
