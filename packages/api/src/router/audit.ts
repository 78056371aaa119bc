import type { TRPCRouterRecord } from '@trpc/server'
import { listAuditEvents } from '../services/audit.ts'
import { protectedProcedure } from '../trpc.ts'
import { auditListInput } from './inputs.ts'

export const auditRouter = {
  /** The signed-in account's audit events, newest first (keyset pages). */
  list: protectedProcedure.input(auditListInput).query(({ ctx, input }) =>
    listAuditEvents(ctx.services, {
      userId: ctx.session.user.id,
      limit: input?.limit,
      cursor: input?.cursor,
      keyPrefix: input?.prefix,
    }),
  ),
} satisfies TRPCRouterRecord
