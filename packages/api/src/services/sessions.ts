import { and, eq, gt } from 'drizzle-orm'
import { sessions, users } from '@storra/db'
import { recordAuditEvent, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { toSessionUser } from './serialize.ts'
import type { SessionUser } from './types.ts'

export const SESSION_TTL_SECONDS = 7 * 24 * 3600

/**
 * Starts a session and returns its id. With `meta` (a sign-in, not a session renewal),
 * `session.login` is recorded in the same transaction.
 */
export async function createSession(
  ctx: ServiceContext,
  userId: string,
  now = new Date(),
  meta?: RequestMeta,
): Promise<string> {
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({ userId, expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000) })
      .returning({ id: sessions.id })
    if (meta) await recordAuditEvent(tx, { type: 'session.login', userId, meta })
    return row!.id
  })
}

/** The account behind a live session, or null when it was ended, expired or never existed. */
export async function findSessionUser(ctx: ServiceContext, sessionId: string): Promise<SessionUser | null> {
  const [row] = await ctx.database.db
    .select({ id: users.id, email: users.email, plan: users.plan, role: users.role, createdAt: users.createdAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
  return row ? toSessionUser(row) : null
}

export async function endSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.database.db.delete(sessions).where(eq(sessions.id, sessionId))
}

/**
 * Logs the account out everywhere: every cookie it was issued stops working. With `meta`, the
 * account's own request, `session.logout_everywhere` is recorded in the same transaction.
 */
export async function endAllSessions(ctx: ServiceContext, userId: string, meta?: RequestMeta): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, userId))
    if (meta) await recordAuditEvent(tx, { type: 'session.logout_everywhere', userId, meta })
  })
}
