import { and, asc, count, eq, ilike, isNull, sql } from 'drizzle-orm'
import { apiKeys, isUniqueViolation, sessions, users, type UserRow } from '@storra/db'
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
import { recordAuditEvent, recordAuditEvents, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { usableKeyCondition } from './api-keys.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { ServiceError } from './service-error.ts'
import { toSessionUser } from './serialize.ts'
import type { AdminUser, SessionUser } from './types.ts'

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** The rules every new password meets, at sign-up, on change and on reset (400 naming the rule). */
export function assertPasswordRules(password: string): void {
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
  const [row] = await ctx.database.db.select().from(users).where(whereAccount({ email }))
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
  input: { email: string; password: string; ip?: string; userAgent?: string },
): Promise<UserRow> {
  if (!isSafeText(input.email) || !isSafeText(input.password))
    throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.invalidCredentials)
  const email = normalizeEmail(input.email)
  await ctx.loginThrottle.attempt(email, input.ip)
  const row = input.password.length <= MAX_PASSWORD_LENGTH ? await findUserByEmail(ctx, email) : undefined
  const ok = await ctx.passwordWork.run(() =>
    verifyPassword(row?.passwordHash, input.password.slice(0, MAX_PASSWORD_LENGTH)),
  )
  if (!row || !ok) {
    // The account's own log shows guesses at its password; a guess at no account is recorded
    // without the email typed (it may be a password pasted into the wrong field).
    await recordAuditEvent(ctx.database.db, {
      type: 'session.login_failed',
      userId: row?.id ?? null,
      meta: { actor: 'user', ip: input.ip, userAgent: input.userAgent },
    })
    throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.invalidCredentials)
  }
  await ctx.loginThrottle.recordSuccess(email, input.ip)
  return row
}

/** An account named by id (dashboard, admin console) or by email (CLI, "Forgot password?"). */
export type AccountTarget = { userId: string } | { email: string }

/** The SQL condition naming the account; 404 for an email no account can hold (NUL, lone surrogates). */
function whereAccount(target: AccountTarget) {
  if ('email' in target && !isSafeText(target.email))
    throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
  return 'userId' in target ? eq(users.id, target.userId) : eq(sql`lower(${users.email})`, normalizeEmail(target.email))
}

/** The account `target` names. Errors: 404 when there is none (or the email is text no account can hold). */
export async function findAccount(ctx: ServiceContext, target: AccountTarget): Promise<UserRow> {
  const [row] = await ctx.database.db.select().from(users).where(whereAccount(target))
  if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
  return row
}

/**
 * Changes an account's plan; every instance's key cache forgets the account at once. Records
 * `user.plan_changed` ({from, to}) in the same transaction when the plan changes.
 */
export async function setUserPlan(
  ctx: ServiceContext,
  target: AccountTarget,
  plan: Plan,
  meta: RequestMeta = { actor: 'system' },
): Promise<SessionUser> {
  const where = whereAccount(target)
  const row = await ctx.database.db.transaction(async (tx) => {
    const [before] = await tx.select({ id: users.id, plan: users.plan }).from(users).where(where).for('update')
    if (!before) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
    const [after] = await tx.update(users).set({ plan }).where(eq(users.id, before.id)).returning()
    if (before.plan !== plan)
      await recordAuditEvent(tx, {
        type: 'user.plan_changed',
        userId: before.id,
        details: { from: before.plan, to: plan },
        meta,
      })
    return after!
  })
  await ctx.invalidation.publish({ type: 'user', userId: row.id })
  return toSessionUser(row)
}

/**
 * Makes an account an admin or a user. Takes effect on its next request (sessions read the
 * role from the database). The acting account (`meta.actorUserId`, the admin console's caller)
 * may not change itself, so an installation cannot lose its last admin by a slip. Records
 * `user.role_changed` ({from, to}) in the same transaction when the role changes.
 * Errors: 404, 400 on oneself.
 */
export async function setUserRole(
  ctx: ServiceContext,
  target: AccountTarget,
  role: Role,
  meta: RequestMeta = { actor: 'system' },
): Promise<SessionUser> {
  const user = await findAccount(ctx, target)
  if (user.id === meta.actorUserId) throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.cannotChangeOwnRole)
  const row = await ctx.database.db.transaction(async (tx) => {
    const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, user.id)).for('update')
    if (!before) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
    const [after] = await tx.update(users).set({ role }).where(eq(users.id, user.id)).returning()
    if (before.role !== role)
      await recordAuditEvent(tx, {
        type: 'user.role_changed',
        userId: user.id,
        details: { from: before.role, to: role },
        meta,
      })
    return after!
  })
  return toSessionUser(row)
}

/**
 * Deletes an account: in one transaction every unrevoked key is revoked (one statement, reason
 * `admin`, an `api_key.revoked` event each) and the account row deleted and, with it, its
 * sessions, keys, reset links and audit events; after the commit every instance is told to drop
 * the keys (so they stop working everywhere at once). `user.deleted` is recorded in the same transaction as the
 * delete, with no account (it is gone) and `{user_id, email, revoked_keys}` in its details, so
 * the operators' log keeps it. The acting account (`meta.actorUserId`) may not delete itself.
 * Errors: 404, 400 on oneself.
 */
export async function deleteUser(
  ctx: ServiceContext,
  target: AccountTarget,
  meta: RequestMeta = { actor: 'system' },
): Promise<{ email: string; revoked_keys: number }> {
  const user = await findAccount(ctx, target)
  if (user.id === meta.actorUserId) throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.cannotDeleteSelf)
  // One transaction: every unrevoked key is revoked (one statement, reason `admin`, one event
  // each) and the account deleted together, so a concurrent revocation cannot leave it half done.
  const revoked = await ctx.database.db.transaction(async (tx) => {
    const keys = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, revokedReason: 'admin' })
      .where(and(eq(apiKeys.userId, user.id), isNull(apiKeys.revokedAt)))
      .returning({ prefix: apiKeys.prefix, keyHash: apiKeys.keyHash })
    await recordAuditEvents(
      tx,
      keys.map((key) => ({
        type: 'api_key.revoked' as const,
        userId: user.id,
        keyPrefix: key.prefix,
        details: { reason: 'admin' },
        meta,
      })),
    )
    const [deleted] = await tx.delete(users).where(eq(users.id, user.id)).returning({ id: users.id })
    if (!deleted) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
    await recordAuditEvent(tx, {
      type: 'user.deleted',
      userId: null,
      details: { user_id: user.id, email: user.email, revoked_keys: keys.length },
      meta,
    })
    return keys
  })
  // After the commit: every instance drops the keys and the account from its verifier.
  for (const { keyHash } of revoked) await ctx.invalidation.publish({ type: 'key', keyHash })
  await ctx.invalidation.publish({ type: 'user', userId: user.id })
  return { email: user.email, revoked_keys: revoked.length }
}

/**
 * Sets a new password and ends every existing session (a stolen cookie must not outlive it),
 * recording `user.password_changed` in the same transaction. NOT_FOUND for an unknown account.
 */
export async function setUserPassword(
  ctx: ServiceContext,
  userId: string,
  password: string,
  meta: RequestMeta = { actor: 'system' },
): Promise<void> {
  assertPasswordRules(password)
  const passwordHash = await ctx.passwordWork.run(() => hashPassword(password))
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning({ id: users.id })
    if (!row) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
    await tx.delete(sessions).where(eq(sessions.userId, userId))
    await recordAuditEvent(tx, { type: 'user.password_changed', userId, meta })
  })
}

/**
 * A signed-in user's own password change. The current password is required (a borrowed
 * session alone must not take the account over) and its guesses count against the login
 * throttle; on success every session of the account ends.
 */
export async function changePassword(
  ctx: ServiceContext,
  input: { userId: string; currentPassword: string; newPassword: string; ip?: string; userAgent?: string },
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
  await setUserPassword(ctx, row.id, input.newPassword, {
    actor: 'user',
    actorUserId: row.id,
    ip: input.ip,
    userAgent: input.userAgent,
  })
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
