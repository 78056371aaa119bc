import type { TRPCRouterRecord } from '@trpc/server'
import { z } from 'zod'
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.ts'
import { protectedProcedure } from '../trpc.ts'

// Label rules (trim, length, control characters) live in one place: the service.
const createKeyInput = z.object({ label: z.string().max(4096).nullish() }).optional()
const revokeKeyInput = z.object({ prefix: z.string().max(64) })

export const apiKeysRouter = {
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.services, ctx.session.user.id)),
  create: protectedProcedure
    .input(createKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.services, ctx.session.user.id, input?.label)),
  revoke: protectedProcedure
    .input(revokeKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.services, ctx.session.user.id, input.prefix)),
} satisfies TRPCRouterRecord
