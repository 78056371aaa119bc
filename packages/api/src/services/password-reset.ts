import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { passwordResetTokens, sessions, users } from '@storra/db'
import { DASHBOARD_MESSAGES, isSafeText, PASSWORD_RESET_TTL_MS } from '@storra/core'
import { recordAuditEvent, type RequestMeta } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { hashPassword } from './passwords.ts'
import { ServiceError } from './service-error.ts'
import { assertPasswordRules, findAccount, type AccountTarget } from './users.ts'

/** One outgoing mail, plain text. */
interface MailMessage {
  to: string
  subject: string
  text: string
}

/** Sends mail (the server's is nodemailer over SMTP_URL). Rejects when the mail was not accepted. */
export interface Mailer {
  send(message: MailMessage): Promise<void>
}

/** Counts requests under each key; rejects with a 429 ServiceError once one of them is over its limit. */
export interface RequestThrottle {
  consume(input: { email: string; ip?: string }): Promise<void>
}

/** For contexts without a throttle (the CLI, some tests). */
export const noRequestThrottle: RequestThrottle = { consume: async () => {} }

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** An issued link: the URL (shown once, never stored), whom it is for, and when it stops working. */
export interface PasswordResetLink {
  url: string
  email: string
  expires_at: string
}

/**
 * Issues a one-time password reset link for an account (admin console, `storra users
 * reset-password`, "Forgot password?"). Only the token's SHA-256 is stored; earlier unused links
 * of the account stop working. The link works once, for {@link PASSWORD_RESET_TTL_MS} (1 h).
 * The token sits in the URL's fragment, which browsers send to no server and no Referer.
 * `user.password_reset_issued` ({expires_at}; never the token or URL) is recorded in the same
 * transaction, with `meta` naming who asked. Errors: 404 when no such account.
 */
export async function issuePasswordResetLink(
  ctx: ServiceContext,
  target: AccountTarget,
  now = new Date(),
  meta: RequestMeta = { actor: 'system' },
): Promise<PasswordResetLink> {
  const user = await findAccount(ctx, target)
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS)
  await ctx.database.db.transaction(async (tx) => {
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: hashToken(token), expiresAt })
    await recordAuditEvent(tx, {
      type: 'user.password_reset_issued',
      userId: user.id,
      details: { expires_at: expiresAt.toISOString() },
      meta,
    })
  })
  return {
    url: `${ctx.publicUrl}/dashboard/reset-password#token=${token}`,
    email: user.email,
    expires_at: expiresAt.toISOString(),
  }
}

/**
 * Sets a new password with a reset link's token. The token is used up in the same transaction
 * that changes the password and ends every session of the account. Errors: 400 password rules,
 * 400 {@link DASHBOARD_MESSAGES.invalidResetLink} for an unknown, used or expired token (the
 * same sentence for each, so a guess learns nothing). `user.password_changed` ({via:
 * 'reset_link'}, acting account the one reset) is recorded in that transaction.
 */
export async function resetPasswordWithToken(
  ctx: ServiceContext,
  input: { token: string; password: string },
  meta: RequestMeta = { actor: 'user' },
): Promise<{ email: string }> {
  if (!isSafeText(input.token)) throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.invalidResetLink)
  // The rules first: a refused password must not use the link up.
  assertPasswordRules(input.password)
  const passwordHash = await ctx.passwordWork.run(() => hashPassword(input.password))
  const email = await ctx.database.db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId })
    if (!used) return undefined
    const [row] = await tx
      .update(users)
      .set({ passwordHash })
      .where(eq(users.id, used.userId))
      .returning({ email: users.email })
    await tx.delete(sessions).where(eq(sessions.userId, used.userId))
    if (row)
      await recordAuditEvent(tx, {
        type: 'user.password_changed',
        userId: used.userId,
        details: { via: 'reset_link' },
        meta: { ...meta, actorUserId: meta.actorUserId ?? used.userId },
      })
    return row?.email
  })
  if (!email) throw new ServiceError('BAD_REQUEST', DASHBOARD_MESSAGES.invalidResetLink)
  return { email }
}

/**
 * "Forgot password?": mails a reset link when the email belongs to an account. The answer is
 * the same whether it does or not, and comes before the mail is sent (sending takes time that
 * would tell). Throttled per email and per IP (429). Errors: 404 when mail is not configured.
 * `onSendError` hears a mail that could not be sent (the caller logs it).
 */
export async function requestPasswordResetEmail(
  ctx: ServiceContext,
  input: { email: string; ip?: string; userAgent?: string },
  onSendError: (error: unknown) => void = () => {},
): Promise<{ ok: true }> {
  const mailer = ctx.mailer
  if (!mailer) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.passwordRecoveryOff)
  const email = input.email.trim().toLowerCase()
  await ctx.resetThrottle.consume({ email, ip: input.ip })
  const meta: RequestMeta = { actor: 'user', ip: input.ip, userAgent: input.userAgent }
  const link = await issuePasswordResetLink(ctx, { email }, new Date(), meta).catch((error: unknown) => {
    if (error instanceof ServiceError && error.code === 'NOT_FOUND') return undefined
    throw error
  })
  if (link) {
    void mailer
      .send({
        to: link.email,
        subject: 'Reset your Storra Cloud password',
        text: [
          'Someone (hopefully you) asked to reset the password of this Storra Cloud account.',
          '',
          `Set a new password here (the link works once, until ${link.expires_at}):`,
          link.url,
          '',
          'If you did not ask, ignore this mail: the password stays as it is.',
        ].join('\n'),
      })
      .catch(onSendError)
  }
  return { ok: true }
}
