import { and, asc, count, eq, ilike, isNull, sql } from 'drizzle-orm'
import { apiKeys, isUniqueViolation, users, type UserRow } from '@storra/db'
import { DASHBOARD_MESSAGES, type Plan, type Role } from '@storra/core'
import type { ServiceContext } from './context.ts'
import { endAllSessions } from './sessions.ts'
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts'
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
    throw new ServiceError('BAD_REQUEST', `Passwords must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ServiceError('BAD_REQUEST', `Passwords must be at most ${MAX_PASSWORD_LENGTH} characters.`)
  }
}

export interface NewUser {
  email: string
  password: string
  plan?: Plan
  role?: Role
}

export async function createUser(ctx: ServiceContext, input: NewUser): Promise<SessionUser> {
  const email = normalizeEmail(input.email)
  if (email.length > 254 || !EMAIL_PATTERN.test(email))
    throw new ServiceError('BAD_REQUEST', 'Enter a valid email address.')
  assertPasswordRules(input.password)
  const passwordHash = await hashPassword(input.password)
  try {
    const [row] = await ctx.database.db
      .insert(users)
      .values({ email, passwordHash, plan: input.plan ?? 'free', role: input.role ?? 'user' })
      .returning()
    return toSessionUser(row!)
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError('CONFLICT', `An account with email ${email} already exists.`)
    throw error
  }
}

async function findUserByEmail(ctx: ServiceContext, email: string): Promise<UserRow | undefined> {
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
 * (a dummy hash is verified), so the endpoint does not reveal which accounts exist.
 */
export async function authenticateUser(
  ctx: ServiceContext,
  input: { email: string; password: string; ip?: string },
): Promise<UserRow> {
  const email = normalizeEmail(input.email)
  await ctx.loginThrottle.check(email, input.ip)
  const row = input.password.length <= MAX_PASSWORD_LENGTH ? await findUserByEmail(ctx, email) : undefined
  const ok = await verifyPassword(row?.passwordHash, input.password.slice(0, MAX_PASSWORD_LENGTH))
  if (!row || !ok) {
    await ctx.loginThrottle.recordFailure(email, input.ip)
    throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.invalidCredentials)
  }
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
  const where =
    'userId' in target ? eq(users.id, target.userId) : eq(sql`lower(${users.email})`, normalizeEmail(target.email))
  const row = await updateUser(ctx, where, { plan })
  await ctx.invalidation.publish({ type: 'user', userId: row.id })
  return toSessionUser(row)
}

async function setUserPassword(ctx: ServiceContext, userId: string, password: string): Promise<void> {
  assertPasswordRules(password)
  const passwordHash = await hashPassword(password)
  await updateUser(ctx, eq(users.id, userId), { passwordHash })
  // A new password also ends every existing session: a stolen cookie must not outlive it.
  await endAllSessions(ctx, userId)
}

const WRONG_CURRENT_PASSWORD = 'Current password is incorrect.'

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
  await ctx.loginThrottle.check(row.email, input.ip)
  const ok =
    input.currentPassword.length <= MAX_PASSWORD_LENGTH &&
    (await verifyPassword(row.passwordHash, input.currentPassword))
  if (!ok) {
    await ctx.loginThrottle.recordFailure(row.email, input.ip)
    throw new ServiceError('FORBIDDEN', WRONG_CURRENT_PASSWORD)
  }
  await setUserPassword(ctx, row.id, input.newPassword)
}

export async function listUsers(ctx: ServiceContext, query?: string, limit = 100): Promise<AdminUser[]> {
  const search = query?.trim()
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
    .leftJoin(apiKeys, and(eq(apiKeys.userId, users.id), isNull(apiKeys.revokedAt)))
    .where(search ? ilike(users.email, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined)
    .groupBy(users.id)
    .orderBy(asc(users.email))
    .limit(limit)
  return rows.map((row) => ({ ...toSessionUser(row), active_keys: Number(row.activeKeys) }))
}
