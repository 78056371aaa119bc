import type { TRPCRouterRecord } from '@trpc/server'
import { apiKeyPolicy, createApiKey, listApiKeys, revokeApiKey, updateApiKey } from '../services/api-keys.ts'
import { apiKeyPolicySchema } from '../schemas/view-schemas.ts'
import { rotateApiKey } from '../services/key-rotation.ts'
import { protectedProcedure } from '../trpc.ts'
import { createKeyInput, listKeysInput, revokeKeyInput, rotateKeyInput, updateKeyInput } from './inputs.ts'

export const apiKeysRouter = {
  list: protectedProcedure
    .input(listKeysInput)
    .query(({ ctx, input }) => listApiKeys(ctx.services, ctx.session.user.id, { state: input?.state })),
  create: protectedProcedure
    .input(createKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.services, ctx.session.user.id, input ?? {})),
  update: protectedProcedure
    .input(updateKeyInput)
    .mutation(({ ctx, input: { prefix, ...changes } }) =>
      updateApiKey(ctx.services, ctx.session.user.id, prefix, changes),
    ),
  rotate: protectedProcedure
    .input(rotateKeyInput)
    .mutation(({ ctx, input: { prefix, ...request } }) =>
      rotateApiKey(ctx.services, ctx.session.user.id, prefix, request),
    ),
  revoke: protectedProcedure
    .input(revokeKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.services, ctx.session.user.id, input.prefix, 'user')),
  /** The lifecycle rules the dashboard offers choices from (maximum lifetime, grace periods …). */
  policy: protectedProcedure.output(apiKeyPolicySchema).query(({ ctx }) => apiKeyPolicy(ctx.services)),
} satisfies TRPCRouterRecord
