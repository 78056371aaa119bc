import type { TRPCRouterRecord } from '@trpc/server'
import { z } from 'zod'
import { DASHBOARD_MESSAGES, PLANS } from '@storra/core'
import { listApiKeys, revokeApiKey } from '../services/api-keys.ts'
import { ServiceError } from '../services/service-error.ts'
import { findUserById, listUsers, setUserPlan } from '../services/users.ts'
import { adminProcedure } from '../trpc.ts'

const userId = z.uuid()

export const adminRouter = {
  listUsers: adminProcedure
    .input(z.object({ query: z.string().max(320).optional() }).optional())
    .query(({ ctx, input }) => listUsers(ctx.services, input?.query)),
  setPlan: adminProcedure.input(z.object({ userId, plan: z.enum(PLANS) })).mutation(async ({ ctx, input }) => ({
    user: await setUserPlan(ctx.services, { userId: input.userId }, input.plan),
  })),
  listKeys: adminProcedure.input(z.object({ userId })).query(async ({ ctx, input }) => {
    // An account that does not exist is an error, not an account without keys.
    if (!(await findUserById(ctx.services, input.userId)))
      throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
    return listApiKeys(ctx.services, input.userId)
  }),
  revokeKey: adminProcedure
    .input(z.object({ userId, prefix: z.string().max(64) }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx.services, input.userId, input.prefix)),
} satisfies TRPCRouterRecord
