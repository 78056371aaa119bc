import type { TRPCRouterRecord } from '@trpc/server'
import { endAllSessions } from '../services/sessions.ts'
import { requestPasswordResetEmail, resetPasswordWithToken } from '../services/password-reset.ts'
import { authenticateUser, changePassword } from '../services/users.ts'
import { toSessionUser } from '../services/serialize.ts'
import { protectedProcedure, publicProcedure, requestMetaOf } from '../trpc.ts'
import { changePasswordInput, loginInput, requestPasswordResetInput, resetPasswordInput } from './inputs.ts'

/**
 * The procedures that set or clear the session cookie. Their answer needs its headers, so
 * they cannot run inside a streamed (`application/jsonl`) batch, whose headers are sent first.
 */
export const SESSION_COOKIE_PROCEDURES: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.logout',
  'auth.logoutEverywhere',
  'auth.changePassword',
])

export const authRouter = {
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const row = await authenticateUser(ctx.services, { ...input, ip: ctx.ip, userAgent: ctx.userAgent })
    await ctx.session.login(row.id, { ...requestMetaOf(ctx), actorUserId: row.id })
    return { user: toSessionUser(row) }
  }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.logout()
    return { ok: true as const }
  }),
  /** Ends every session of the account, on every device, this one included. */
  logoutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await endAllSessions(ctx.services, ctx.session.user.id, requestMetaOf(ctx))
    await ctx.session.logout()
    return { ok: true as const }
  }),
  /** Every other session ends; this one continues under a fresh session id. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.services, {
      userId: ctx.session.user.id,
      ...input,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    })
    await ctx.session.login(ctx.session.user.id)
    return { ok: true as const }
  }),
  /** What the login page may offer: "Forgot password?" only when mail is configured. */
  recoveryOptions: publicProcedure.query(({ ctx }) => ({ email_reset: Boolean(ctx.services.mailer) })),
  /** Mails a reset link if the account exists; the answer is the same either way. */
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) =>
      requestPasswordResetEmail(
        ctx.services,
        { email: input.email, ip: ctx.ip, userAgent: ctx.userAgent },
        ctx.onBackgroundError,
      ),
    ),
  /** Sets a new password with a reset link's token; every session of the account ends. */
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPasswordWithToken(ctx.services, input, requestMetaOf(ctx))
    return { ok: true as const }
  }),
  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.session.user })),
  /**
   * Who is logged in, answered 200 either way: `{ user: null }` when nobody is. Pages that
   * only need to know (the login page's probe) ask this, so being logged out is not a failed
   * request in the browser console. `me` stays UNAUTHORIZED without a session.
   */
  session: publicProcedure.query(({ ctx }) => ({ user: ctx.session.user })),
} satisfies TRPCRouterRecord
