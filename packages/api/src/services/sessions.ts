import { and, eq, gt } from 'drizzle-orm'
import { sessions, users } from '@storra/db'
import type { ServiceContext } from './context.ts'
import { toSessionUser } from './serialize.ts'
import type { SessionUser } from './types.ts'

export const SESSION_TTL_SECONDS = 7 * 24 * 3600

export async function createSession(ctx: ServiceContext, userId: string, now = new Date()): Promise<string> {
  const [row] = await ctx.database.db
    .insert(sessions)
    .values({ userId, expiresAt: new Date(now.getTime() + SESSION_TTL_SECONDS * 1000) })
    .returning({ id: sessions.id })
  return row!.id
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

/** Logs the account out everywhere: every cookie it was issued stops working. */
export async function endAllSessions(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.database.db.delete(sessions).where(eq(sessions.userId, userId))
}
