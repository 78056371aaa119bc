import type { TRPCRouterRecord } from '@trpc/server'
import { z } from 'zod'
import { endAllSessions } from '../services/sessions.ts'
import { authenticateUser, changePassword } from '../services/users.ts'
import { toSessionUser } from '../services/serialize.ts'
import { protectedProcedure, publicProcedure } from '../trpc.ts'

const loginInput = z.object({
  email: z.string().max(320),
  password: z.string().max(4096),
})

// Length rules live in the service; the cap here only keeps huge bodies from reaching argon2.
const changePasswordInput = z.object({
  currentPassword: z.string().max(4096),
  newPassword: z.string().max(4096),
})

export const authRouter = {
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const row = await authenticateUser(ctx.services, { ...input, ip: ctx.ip })
    await ctx.session.login(row.id)
    return { user: toSessionUser(row) }
  }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.logout()
    return { ok: true as const }
  }),
  /** Ends every session of the account, on every device, this one included. */
  logoutEverywhere: protectedProcedure.mutation(async ({ ctx }) => {
    await endAllSessions(ctx.services, ctx.session.user.id)
    await ctx.session.logout()
    return { ok: true as const }
  }),
  /** Every other session ends; this one continues under a fresh session id. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.services, { userId: ctx.session.user.id, ...input, ip: ctx.ip })
    await ctx.session.login(ctx.session.user.id)
    return { ok: true as const }
  }),
  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.session.user })),
} satisfies TRPCRouterRecord
