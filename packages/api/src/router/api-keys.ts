import type { TRPCRouterRecord } from '@trpc/server'
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys.ts'
import { getKeyUsage, summarizeKeyActivity } from '../services/usage.ts'
import { protectedProcedure, requestMetaOf } from '../trpc.ts'
import { createKeyInput, keyUsageInput, revokeKeyInput } from './inputs.ts'

export const apiKeysRouter = {
  list: protectedProcedure.query(({ ctx }) => listApiKeys(ctx.services, ctx.session.user.id)),
  create: protectedProcedure
    .input(createKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.services, ctx.session.user.id, input?.label, requestMetaOf(ctx))),
  revoke: protectedProcedure
    .input(revokeKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.services, ctx.session.user.id, input.prefix, requestMetaOf(ctx))),
  /** One key's requests by outcome over a window (minute or hour buckets). */
  usage: protectedProcedure
    .input(keyUsageInput)
    .query(({ ctx, input }) => getKeyUsage(ctx.services, ctx.session.user.id, input.prefix, input.window)),
  /** Every key's last 24 hours in one call: the key list's sparklines and stale-key flags. */
  activity: protectedProcedure.query(async ({ ctx }) => ({
    keys: await summarizeKeyActivity(ctx.services, ctx.session.user.id),
  })),
} satisfies TRPCRouterRecord
