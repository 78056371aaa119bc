import express, { Router, type RequestHandler } from 'express'
import { createExpressMiddleware } from '@trpc/server/adapters/express'
import type { Logger } from 'pino'
import { DASHBOARD_MESSAGES, MAX_TRPC_BATCH_SIZE } from '@storra/core'
import {
  appRouter,
  createCallerFactory,
  INTERNAL_PROBLEM,
  toProblem,
  type DashboardSession,
  type Services,
  type TRPCContext,
} from '@storra/api'
import { clientIp } from '../http/client-ip.ts'
import { errorHandler, methodNotAllowed, retryAfterValue, sendError } from '../http/problem.ts'
import { rejectDeepJson } from './reject-deep-json.ts'
import { rejectCrossSiteWrites } from './reject-cross-site.ts'
import { refuseStreamedCookieCalls } from './refuse-streamed-cookie-calls.ts'
import { loadDashboardSession, type SessionSettings } from './session.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    session?: DashboardSession
  }
}

/**
 * The parsed JSON body (`{}` when there is none), typed as the procedure's input: the procedure
 * validates it with its own zod schema, which answers 400 for anything else.
 */
function unvalidatedBody<Input>(req: express.Request): Input {
  return ((req.body as unknown) ?? {}) as Input
}

/**
 * The JSON body as an object (`{}` when there is none), its fields for the procedure to validate;
 * anything else (an array, a string) is answered 400 here and undefined returned.
 */
function objectBody(req: express.Request, res: express.Response): Record<string, unknown> | undefined {
  const body: unknown = req.body === undefined ? {} : req.body
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  sendError(res, 'dashboard', 400, DASHBOARD_MESSAGES.bodyNotObject)
  return undefined
}

export interface DashboardRouterOptions {
  services: Services
  session: SessionSettings
  allowedOrigins: readonly string[]
  logger: Logger
}

const createCaller = createCallerFactory(appRouter)

const TRPC_METHODS = new Set(['GET', 'HEAD', 'POST'])
const TRPC_ALLOW = 'GET, HEAD, POST'
const TRPC_ALLOW_OF_TYPE: Record<string, string> = { query: 'GET, HEAD', mutation: 'POST' }

/**
 * `/api/v1/dashboard`: REST and tRPC behind the session cookie. The REST routes are thin
 * adapters over the tRPC procedures, so both speak through one piece of logic.
 */
export function createDashboardRouter({ services, session, allowedOrigins, logger }: DashboardRouterOptions): Router {
  const router = Router()
  router.use(rejectCrossSiteWrites(allowedOrigins))
  router.use(express.json({ limit: '16kb' }))
  router.use(rejectDeepJson)
  router.use(async (req, res, next) => {
    // tRPC loads the session in its own context, so that failures there get its error envelope.
    if (req.path.startsWith('/trpc/')) return next()
    res.locals.session = await loadDashboardSession(req, res, session, services)
    next()
  })

  const contextOf = (req: express.Request, res: express.Response): TRPCContext => ({
    services,
    session: res.locals.session!,
    ip: clientIp(req),
    userAgent: req.headers['user-agent'],
    onBackgroundError: (err) => logger.warn({ err }, 'password reset mail could not be sent'),
  })
  const callerOf = (req: express.Request, res: express.Response) => createCaller(contextOf(req, res))

  // Cookie-only: without a session, say so, and say why when a bearer token was tried instead.
  const requireSession: RequestHandler = (req, res, next) => {
    if (res.locals.session?.user) return next()
    const message = req.headers.authorization
      ? DASHBOARD_MESSAGES.bearerNotAccepted
      : DASHBOARD_MESSAGES.notAuthenticated
    sendError(res, 'dashboard', 401, message)
  }

  router.post('/login', async (req, res) => {
    res.json(await callerOf(req, res).auth.login(unvalidatedBody(req)))
  })
  router.post('/logout', async (req, res) => {
    res.json(await callerOf(req, res).auth.logout())
  })
  router.post('/logout-everywhere', requireSession, async (req, res) => {
    res.json(await callerOf(req, res).auth.logoutEverywhere())
  })
  router.post('/users/me/password', requireSession, async (req, res) => {
    res.json(await callerOf(req, res).auth.changePassword(unvalidatedBody(req)))
  })
  router.post('/password-reset/request', async (req, res) => {
    res.json(await callerOf(req, res).auth.requestPasswordReset(unvalidatedBody(req)))
  })
  router.post('/password-reset', async (req, res) => {
    res.json(await callerOf(req, res).auth.resetPassword(unvalidatedBody(req)))
  })
  router.post('/billing/checkout', requireSession, async (req, res) => {
    res.json(await callerOf(req, res).billing.checkout())
  })
  router.post('/billing/portal', requireSession, async (req, res) => {
    res.json(await callerOf(req, res).billing.portal())
  })
  router.get('/users/me', requireSession, async (req, res) => {
    res.json(await callerOf(req, res).auth.me())
  })
  router.get('/users/me/api-keys', requireSession, async (req, res) => {
    // `?state=all` also lists expired and revoked keys; the procedure refuses other values.
    const state = req.query.state as 'active' | 'all' | undefined
    res.json(await callerOf(req, res).apiKeys.list(state === undefined ? undefined : { state }))
  })
  router.post('/users/me/api-keys', requireSession, async (req, res) => {
    const body = objectBody(req, res)
    if (body) res.json(await callerOf(req, res).apiKeys.create(body))
  })
  router.patch('/users/me/api-keys/:prefix', requireSession, async (req, res) => {
    const body = objectBody(req, res)
    if (body) res.json(await callerOf(req, res).apiKeys.update({ ...body, prefix: String(req.params.prefix) }))
  })
  router.post('/users/me/api-keys/:prefix/rotate', requireSession, async (req, res) => {
    const body = objectBody(req, res)
    if (body) res.json(await callerOf(req, res).apiKeys.rotate({ ...body, prefix: String(req.params.prefix) }))
  })
  router.delete('/users/me/api-keys/:prefix', requireSession, async (req, res) => {
    res.json(await callerOf(req, res).apiKeys.revoke({ prefix: String(req.params.prefix) }))
  })
  router.get('/users/me/api-keys/:prefix/usage', requireSession, async (req, res) => {
    const { window } = req.query as Record<string, string | undefined>
    res.json(await callerOf(req, res).apiKeys.usage({ prefix: String(req.params.prefix), window: window as '24h' }))
  })
  router.get('/users/me/audit-log', requireSession, async (req, res) => {
    // The procedure's schema checks each parameter (a repeated one arrives as an array and is refused).
    const { limit, cursor, prefix } = req.query as Record<string, string | undefined>
    res.json(await callerOf(req, res).audit.list({ limit: limit as unknown as number, cursor, prefix }))
  })
  router.all('/login', methodNotAllowed('dashboard', 'POST'))
  router.all('/logout', methodNotAllowed('dashboard', 'POST'))
  router.all('/logout-everywhere', methodNotAllowed('dashboard', 'POST'))
  router.all('/users/me/password', methodNotAllowed('dashboard', 'POST'))
  router.all('/password-reset/request', methodNotAllowed('dashboard', 'POST'))
  router.all('/password-reset', methodNotAllowed('dashboard', 'POST'))
  router.all('/billing/checkout', methodNotAllowed('dashboard', 'POST'))
  router.all('/billing/portal', methodNotAllowed('dashboard', 'POST'))
  router.all('/users/me', methodNotAllowed('dashboard', 'GET, HEAD'))
  router.all('/users/me/api-keys', methodNotAllowed('dashboard', 'GET, HEAD, POST'))
  router.all('/users/me/api-keys/:prefix', methodNotAllowed('dashboard', 'PATCH, DELETE'))
  router.all('/users/me/api-keys/:prefix/rotate', methodNotAllowed('dashboard', 'POST'))
  router.all('/users/me/api-keys/:prefix/usage', methodNotAllowed('dashboard', 'GET, HEAD'))
  router.all('/users/me/audit-log', methodNotAllowed('dashboard', 'GET, HEAD'))

  router.use('/trpc', refuseStreamedCookieCalls)
  router.use(
    '/trpc',
    // tRPC speaks GET (queries) and POST (mutations); its adapter cannot even represent TRACE.
    (req, res, next) => (TRPC_METHODS.has(req.method) ? next() : methodNotAllowed('trpc', TRPC_ALLOW)(req, res, next)),
    createExpressMiddleware({
      router: appRouter,
      // Above this, the whole batch is one BAD_REQUEST in tRPC's envelope.
      maxBatchSize: MAX_TRPC_BATCH_SIZE,
      createContext: async ({ req, res }) => {
        // A failure here (a database outage) gets tRPC's envelope through the errorFormatter.
        res.locals.session = await loadDashboardSession(req, res, session, services)
        return contextOf(req, res)
      },
      // A throttled or unavailable procedure says when to retry, as the REST routes do; a
      // procedure called with the wrong method says which one it takes.
      responseMeta({ errors, type }) {
        const headers: Record<string, string> = {}
        const wait = errors.map((e) => toProblem(e).retryAfterSeconds).find((s) => s !== undefined)
        if (wait !== undefined) headers['retry-after'] = retryAfterValue(wait)
        if (errors.some((e) => e.code === 'METHOD_NOT_SUPPORTED'))
          headers.allow = TRPC_ALLOW_OF_TYPE[type] ?? TRPC_ALLOW
        return { headers }
      },
      onError({ error, path }) {
        if (toProblem(error) === INTERNAL_PROBLEM) logger.error({ err: error, path }, 'tRPC procedure failed')
      },
    }),
  )

  router.use((_req, res) => sendError(res, 'dashboard', 404, DASHBOARD_MESSAGES.notFound))
  router.use(errorHandler(logger))
  return router
}
