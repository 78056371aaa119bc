import { and, asc, count, eq, ilike, sql } from 'drizzle-orm'
import { apiKeys, isUniqueViolation, users, type UserRow } from '@storra/db'
import {
  DASHBOARD_MESSAGES,
  emailTakenMessage,
  isSafeText,
  MAX_EMAIL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  UNSAFE_TEXT_MESSAGE,
  type Plan,
  type Role,
} from '@storra/core'
import type { ServiceContext } from './context.ts'
import { usableKeyCondition } from './api-keys.ts'
import { endAllSessions } from './sessions.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { ServiceError } from './service-error.ts'
import { toSessionUser } from './serialize.ts'
import type { AdminUser, SessionUser } from './types.ts'

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** The rules every new password meets, at sign-up and on change. */
function assertPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.passwordTooShort)
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.passwordTooLong)
  }
  if (!isSafeText(password)) throw new ServiceError('BAD_REQUEST', `Passwords ${UNSAFE_TEXT_MESSAGE}.`)
}

export interface NewUser {
  email: string
  password: string
  plan?: Plan
  role?: Role
}

export async function createUser(ctx: ServiceContext, input: NewUser): Promise<SessionUser> {
  const email = normalizeEmail(input.email)
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email) || !isSafeText(email))
    throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.invalidEmail)
  assertPasswordRules(input.password)
  const passwordHash = await ctx.passwordWork.run(() => hashPassword(input.password))
  try {
    const [row] = await ctx.database.db
      .insert(users)
      .values({ email, passwordHash, plan: input.plan ?? 'free', role: input.role ?? 'user' })
      .returning()
    return toSessionUser(row!)
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError('CONFLICT', emailTakenMessage(email))
    throw error
  }
}

/** The account with this email (case-insensitive); none for text no account can hold (NUL, unpaired surrogates). */
export async function findUserByEmail(ctx: ServiceContext, email: string): Promise<UserRow | undefined> {
  if (!isSafeText(email)) return undefined
  const [row] = await ctx.database.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
  return row
}

export async function findUserById(ctx: ServiceContext, id: string): Promise<UserRow | undefined> {
  const [row] = await ctx.database.db.select().from(users).where(eq(users.id, id))
  return row
}

/**
 * Checks a password. Unknown emails and wrong passwords fail alike, in message and in time
 * (a dummy hash is verified), so the endpoint does not reveal which accounts exist. The
 * attempt counts against the login throttle before any password work starts, and that work
 * waits its turn in `ctx.passwordWork` (503 when the queue is full). Text no account can
 * hold (NUL, unpaired surrogates) fails as a wrong password, before any work.
 */
export async function authenticateUser(
  ctx: ServiceContext,
  input: { email: string; password: string; ip?: string },
): Promise<UserRow> {
  if (!isSafeText(input.email) || !isSafeText(input.password))
    throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.invalidCredentials)
  const email = normalizeEmail(input.email)
  await ctx.loginThrottle.attempt(email, input.ip)
  const row = input.password.length <= MAX_PASSWORD_LENGTH ? await findUserByEmail(ctx, email) : undefined
  const ok = await ctx.passwordWork.run(() =>
    verifyPassword(row?.passwordHash, input.password.slice(0, MAX_PASSWORD_LENGTH)),
  )
  if (!row || !ok) throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.invalidCredentials)
  await ctx.loginThrottle.recordSuccess(email, input.ip)
  return row
}

async function updateUser(
  ctx: ServiceContext,
  where: ReturnType<typeof eq>,
  values: Partial<UserRow>,
): Promise<UserRow> {
  const [row] = await ctx.database.db.update(users).set(values).where(where).returning()
  if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
  return row
}

/** Changes an account's plan; every instance's key cache forgets the account at once. */
export async function setUserPlan(
  ctx: ServiceContext,
  target: { userId: string } | { email: string },
  plan: Plan,
): Promise<SessionUser> {
  if ('email' in target && !isSafeText(target.email))
    throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
  const where =
    'userId' in target ? eq(users.id, target.userId) : eq(sql`lower(${users.email})`, normalizeEmail(target.email))
  const row = await updateUser(ctx, where, { plan })
  await ctx.invalidation.publish({ type: 'user', userId: row.id })
  return toSessionUser(row)
}

export async function setUserPassword(ctx: ServiceContext, userId: string, password: string): Promise<void> {
  assertPasswordRules(password)
  const passwordHash = await ctx.passwordWork.run(() => hashPassword(password))
  await updateUser(ctx, eq(users.id, userId), { passwordHash })
  // A new password also ends every existing session: a stolen cookie must not outlive it.
  await endAllSessions(ctx, userId)
}

/**
 * A signed-in user's own password change. The current password is required (a borrowed
 * session alone must not take the account over) and its guesses count against the login
 * throttle; on success every session of the account ends.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { userId: string; currentPassword: string; newPassword: string; ip?: string },
): Promise<void> {
  const row = await findUserById(ctx, input.userId)
  if (!row) throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.notAuthenticated)
  await ctx.loginThrottle.attempt(row.email, input.ip)
  const current = input.currentPassword
  const ok =
    current.length <= MAX_PASSWORD_LENGTH &&
    isSafeText(current) &&
    (await ctx.passwordWork.run(() => verifyPassword(row.passwordHash, current)))
  if (!ok) throw new ServiceError('FORBIDDEN', DASHBOARD_MESSAGES.wrongCurrentPassword)
  await ctx.loginThrottle.recordSuccess(row.email, input.ip)
  await setUserPassword(ctx, row.id, input.newPassword)
}

export async function listUsers(ctx: ServiceContext, query?: string, limit = 100): Promise<AdminUser[]> {
  const search = query?.trim()
  if (search && !isSafeText(search)) throw new ServiceError('BAD_REQUEST', `query ${UNSAFE_TEXT_MESSAGE}.`)
  const activeKeys = count(apiKeys.id)
  const rows = await ctx.database.db
    .select({
      id: users.id,
      email: users.email,
      plan: users.plan,
      role: users.role,
      createdAt: users.createdAt,
      activeKeys,
    })
    .from(users)
    .leftJoin(apiKeys, and(eq(apiKeys.userId, users.id), usableKeyCondition(Date.now())))
    .where(search ? ilike(users.email, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined)
    .groupBy(users.id)
    .orderBy(asc(users.email))
    .limit(limit)
  return rows.map((row) => ({ ...toSessionUser(row), active_keys: Number(row.activeKeys) }))
}
