import type { TRPCRouterRecord } from '@trpc/server'
import { DASHBOARD_MESSAGES } from '@storra/core'
import { listApiKeys, revokeApiKey } from '../services/api-keys.ts'
import { ServiceError } from '../services/service-error.ts'
import { listAuditEvents } from '../services/audit.ts'
import { issuePasswordResetLink } from '../services/password-reset.ts'
import { deleteUser, findUserById, listUsers, setUserPlan, setUserRole } from '../services/users.ts'
import { adminProcedure, requestMetaOf } from '../trpc.ts'
import {
  adminAuditListInput,
  adminUserInput,
  listUsersInput,
  revokeUserKeyInput,
  setPlanInput,
  setRoleInput,
  userKeysInput,
} from './inputs.ts'

export const adminRouter = {
  listUsers: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.services, input?.query)),
  setPlan: adminProcedure.input(setPlanInput).mutation(async ({ ctx, input }) => ({
    user: await setUserPlan(ctx.services, { userId: input.userId }, input.plan, requestMetaOf(ctx, 'admin')),
  })),
  setRole: adminProcedure.input(setRoleInput).mutation(async ({ ctx, input }) => ({
    user: await setUserRole(ctx.services, { userId: input.userId }, input.role, requestMetaOf(ctx, 'admin')),
  })),
  /** Revokes every active key of the account, then deletes it. */
  deleteUser: adminProcedure
    .input(adminUserInput)
    .mutation(({ ctx, input }) => deleteUser(ctx.services, { userId: input.userId }, requestMetaOf(ctx, 'admin'))),
  /** A one-time password reset link (1 h) to hand to the account's owner: `{ url, email, expires_at }`. */
  resetLink: adminProcedure
    .input(adminUserInput)
    .mutation(({ ctx, input }) =>
      issuePasswordResetLink(ctx.services, { userId: input.userId }, new Date(), requestMetaOf(ctx, 'admin')),
    ),
  listKeys: adminProcedure.input(userKeysInput).query(async ({ ctx, input }) => {
    // An account that does not exist is an error, not an account without keys.
    if (!(await findUserById(ctx.services, input.userId)))
      throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.userNotFound)
    // Operators see a key's whole history: expired and revoked keys too.
    return listApiKeys(ctx.services, input.userId, { state: 'all' })
  }),
  revokeKey: adminProcedure
    .input(revokeUserKeyInput)
    .mutation(({ ctx, input }) =>
      revokeApiKey(ctx.services, input.userId, input.prefix, 'admin', requestMetaOf(ctx, 'admin')),
    ),
  /** Every account's audit events (or one account's), newest first. */
  auditLog: adminProcedure.input(adminAuditListInput).query(({ ctx, input }) =>
    listAuditEvents(ctx.services, {
      userId: input?.userId,
      limit: input?.limit,
      cursor: input?.cursor,
      keyPrefix: input?.prefix,
    }),
  ),
} satisfies TRPCRouterRecord
