import type { TRPCRouterRecord } from '@trpc/server'
import { apiKeyPolicy, createApiKey, listApiKeys, revokeApiKey, updateApiKey } from '../services/api-keys.ts'
import { apiKeyPolicySchema } from '../schemas/view-schemas.ts'
import { rotateApiKey } from '../services/key-rotation.ts'
import { listLeakRevokedKeys } from '../services/leak-reports.ts'
import { getKeyUsage, summarizeKeyActivity } from '../services/usage.ts'
import { protectedProcedure, requestMetaOf } from '../trpc.ts'
import {
  createKeyInput,
  keyUsageInput,
  listKeysInput,
  revokeKeyInput,
  rotateKeyInput,
  updateKeyInput,
} from './inputs.ts'

export const apiKeysRouter = {
  list: protectedProcedure
    .input(listKeysInput)
    .query(({ ctx, input }) => listApiKeys(ctx.services, ctx.session.user.id, { state: input?.state })),
  /** Keys of this account revoked by a leak report lately: the owner's banner. */
  leakRevocations: protectedProcedure.query(({ ctx }) => listLeakRevokedKeys(ctx.services, ctx.session.user.id)),
  create: protectedProcedure
    .input(createKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.services, ctx.session.user.id, input ?? {}, requestMetaOf(ctx))),
  update: protectedProcedure
    .input(updateKeyInput)
    .mutation(({ ctx, input: { prefix, ...changes } }) =>
      updateApiKey(ctx.services, ctx.session.user.id, prefix, changes, requestMetaOf(ctx)),
    ),
  rotate: protectedProcedure
    .input(rotateKeyInput)
    .mutation(({ ctx, input: { prefix, ...request } }) =>
      rotateApiKey(ctx.services, ctx.session.user.id, prefix, request, requestMetaOf(ctx)),
    ),
  revoke: protectedProcedure
    .input(revokeKeyInput)
    .mutation(({ ctx, input }) =>
      revokeApiKey(ctx.services, ctx.session.user.id, input.prefix, 'user', requestMetaOf(ctx)),
    ),
  /** The lifecycle rules the dashboard offers choices from (maximum lifetime, grace periods …). */
  policy: protectedProcedure.output(apiKeyPolicySchema).query(({ ctx }) => apiKeyPolicy(ctx.services)),
  /** One key's requests by outcome over a window (minute or hour buckets). */
  usage: protectedProcedure
    .input(keyUsageInput)
    .query(({ ctx, input }) => getKeyUsage(ctx.services, ctx.session.user.id, input.prefix, input.window)),
  /** Every key's last 24 hours in one call: the key list's sparklines and stale-key flags. */
  activity: protectedProcedure.query(async ({ ctx }) => ({
    keys: await summarizeKeyActivity(ctx.services, ctx.session.user.id),
  })),
} satisfies TRPCRouterRecord
