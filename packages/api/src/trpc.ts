import { initTRPC, TRPCError } from '@trpc/server'
import { DASHBOARD_MESSAGES } from '@storra/core'
import type { RequestMeta } from './services/audit.ts'
import type { Services } from './services/index.ts'
import { toProblem, trpcCodeOf } from './services/problem.ts'
import type { SessionUser } from './services/types.ts'

/** The session as procedures see it; the server backs it with an iron-session cookie. */
export interface DashboardSession {
  user: SessionUser | null
  /** Starts a session for the account and sets the cookie; `meta` marks a sign-in (audited). */
  login(userId: string, meta?: RequestMeta): Promise<void>
  logout(): Promise<void>
}

export interface TRPCContext {
  services: Services
  session: DashboardSession
  ip?: string
  /** Hears failures of work finished after the answer (a reset mail that could not be sent). */
  onBackgroundError?: (error: unknown) => void
  /** The request's User-Agent header, for audit events. */
  userAgent?: string
}

/** The audit metadata of a procedure call by the signed-in account (or, for `login`, someone). */
export function requestMetaOf(ctx: TRPCContext, actor: 'user' | 'admin' = 'user'): RequestMeta {
  return { actor, actorUserId: ctx.session.user?.id, ip: ctx.ip, userAgent: ctx.userAgent }
}

const t = initTRPC.context<TRPCContext>().create({
  /**
   * Every tRPC error answer goes through `toProblem`, as REST answers do: the same status
   * (tRPC takes the HTTP status from `data.httpStatus`), the same sentence, and nothing
   * internal (stack traces, SQL) for unexpected failures.
   */
  errorFormatter({ shape, error }) {
    const problem = toProblem(error)
    const { stack: _stack, ...data } = shape.data
    // Keep tRPC's own code (e.g. PARSE_ERROR) when the status agrees with it.
    const code =
      problem.status === data.httpStatus ? { key: data.code, number: shape.code } : trpcCodeOf(problem.status)
    return {
      ...shape,
      message: problem.message,
      code: code.number,
      data: { ...data, code: code.key, httpStatus: problem.status },
    }
  },
})

export const createTRPCRouter = t.router
export const createCallerFactory = t.createCallerFactory

export const publicProcedure = t.procedure

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  const user = ctx.session.user
  if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: DASHBOARD_MESSAGES.notAuthenticated })
  return next({ ctx: { ...ctx, session: { ...ctx.session, user } } })
})

/** Enforced here, on the server: hiding buttons in a client is not access control. */
export const adminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.session.user.role !== 'admin')
    throw new TRPCError({ code: 'FORBIDDEN', message: DASHBOARD_MESSAGES.adminOnly })
  return next()
})
