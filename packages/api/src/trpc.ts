import { initTRPC, TRPCError } from '@trpc/server'
import { DASHBOARD_MESSAGES } from '@storra/core'
import { isDatabaseUnavailable } from '@storra/db'
import type { Services } from './services/index.ts'
import { DATABASE_UNAVAILABLE_MESSAGE, ServiceError } from './services/service-error.ts'
import type { SessionUser } from './services/types.ts'

/** The session as procedures see it; the server backs it with an iron-session cookie. */
export interface DashboardSession {
  user: SessionUser | null
  /** Starts a session for the account and sets the cookie. */
  login(userId: string): Promise<void>
  logout(): Promise<void>
}

export interface TRPCContext {
  services: Services
  session: DashboardSession
  ip?: string
}

const t = initTRPC.context<TRPCContext>().create({
  errorFormatter({ shape, error }) {
    // Unexpected errors must not leak internals (stack traces, SQL) to clients.
    const expected = error.cause instanceof ServiceError || error.code !== 'INTERNAL_SERVER_ERROR'
    const { stack: _stack, ...data } = shape.data
    return { ...shape, message: expected ? shape.message : 'Internal server error', data }
  },
})

export const createTRPCRouter = t.router
export const createCallerFactory = t.createCallerFactory

type Issue = { path: PropertyKey[]; message: string }

function hasIssues(error: unknown): error is { issues: Issue[] } {
  return Array.isArray((error as { issues?: unknown } | undefined)?.issues)
}

/** A validation failure as one readable sentence, e.g. `label: Invalid input: expected string`. */
function describeIssues(issues: Issue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** Turns service failures and input validation errors into the matching tRPC codes and messages. */
const serviceErrors = t.middleware(async ({ next }) => {
  const result = await next()
  if (!result.ok) {
    const cause = result.error.cause
    if (result.error.code === 'BAD_REQUEST' && hasIssues(cause)) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: describeIssues(cause.issues), cause })
    }
    if (cause instanceof ServiceError) throw new TRPCError({ code: cause.code, message: cause.message, cause })
    if (isDatabaseUnavailable(cause))
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause })
  }
  return result
})

export const publicProcedure = t.procedure.use(serviceErrors)

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
