import type { TRPCRouterRecord } from '@trpc/server'
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.ts'
import { protectedProcedure } from '../trpc.ts'
import { createKeyInput, revokeKeyInput } from './inputs.ts'

export const apiKeysRouter = {
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.services, ctx.session.user.id)),
  create: protectedProcedure
    .input(createKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.services, ctx.session.user.id, input?.label)),
  revoke: protectedProcedure
    .input(revokeKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.services, ctx.session.user.id, input.prefix)),
} satisfies TRPCRouterRecord
