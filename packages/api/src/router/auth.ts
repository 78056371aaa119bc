import type { TRPCRouterRecord } from '@trpc/server'
import { z } from 'zod'
import { authenticateUser } from '../services/users.ts'
import { toSessionUser } from '../services/serialize.ts'
import { protectedProcedure, publicProcedure } from '../trpc.ts'

export const loginInput = z.object({
  email: z.string().max(320),
  password: z.string().max(4096),
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
  me: protectedProcedure.query(({ ctx }) => ({ user: ctx.session.user })),
} satisfies TRPCRouterRecord
