import type { TRPCRouterRecord } from '@trpc/server'
import { z } from 'zod'
import { PLANS } from '@storra/core'
import { listApiKeys, revokeApiKey } from '../services/api-keys.ts'
import { listUsers, setUserPlan } from '../services/users.ts'
import { adminProcedure } from '../trpc.ts'

const userId = z.uuid()

export const adminRouter = {
  listUsers: adminProcedure
    .input(z.object({ query: z.string().max(320).optional() }).optional())
    .query(({ ctx, input }) => listUsers(ctx.services, input?.query)),
  setPlan: adminProcedure
    .input(z.object({ userId, plan: z.enum(PLANS) }))
    .mutation(async ({ ctx, input }) => ({ user: await setUserPlan(ctx.services, { userId: input.userId }, input.plan) })),
  listKeys: adminProcedure.input(z.object({ userId })).query(({ ctx, input }) => listApiKeys(ctx.services, input.userId)),
  revokeKey: adminProcedure
    .input(z.object({ userId, prefix: z.string().max(64) }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.services, input.userId, input.prefix)),
} satisfies TRPCRouterRecord
