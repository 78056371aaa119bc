import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import type { Logger } from 'pino'
import { INTERNAL_PROBLEM, toProblem, trpcCodeOf, type Problem } from '@storra/api'
import { HTTP_MESSAGES } from '@storra/core'

/**
 * Each route family has its own error shape: `{"detail"}` (client API), `{"error"}`
 * (dashboard REST and everything else), and tRPC's envelope on tRPC paths, where the tRPC
 * client reads `error.data.code`.
 */
export type RouteFamily = 'client' | 'dashboard' | 'trpc'

const CLIENT_PREFIX = '/api/v1/client'
const TRPC_PREFIX = '/api/v1/dashboard/trpc'
// An absolute-form target (RFC 9112 §3.2.2): Express routes it by its path alone.
const SCHEME_AND_AUTHORITY = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i

/**
 * The path (and query) of a request target as Express routes it: an absolute-form target's
 * scheme and authority dropped, lower-cased because Express matches routes and mount paths
 * case-insensitively (`/API/V1/CLIENT/users/me` is served by the client router).
 */
export function routingPathOf(target: string): string {
  return (target.startsWith('/') ? target : target.replace(SCHEME_AND_AUTHORITY, '')).toLowerCase()
}

/** The family of a request target (path, with or without query, origin- or absolute-form), e.g. `req.originalUrl`. */
export function familyOf(target: string): RouteFamily {
  const path = routingPathOf(target)
  if (path.startsWith(CLIENT_PREFIX)) return 'client'
  if (path.startsWith(TRPC_PREFIX)) return 'trpc'
  return 'dashboard'
}

/** Whole seconds, at least one: a zero would invite an immediate retry that fails again. */
export function retryAfterValue(seconds: number): string {
  return String(Math.max(1, Math.ceil(seconds)))
}

/** The JSON body of `problem` in `family`'s shape. */
export function problemBody(family: RouteFamily, problem: Problem): object {
  if (family === 'client') return { detail: problem.message }
  if (family === 'dashboard') return { error: problem.message }
  // The envelope the router's errorFormatter gives (packages/api/src/trpc.ts), without a procedure path.
  const code = trpcCodeOf(problem.status)
  return {
    error: { message: problem.message, code: code.number, data: { code: code.key, httpStatus: problem.status } },
  }
}

/** Answers with `problem` in the family's shape, with `Retry-After` when it says how long to wait. */
function sendProblem(res: Response, family: RouteFamily, problem: Problem): void {
  if (problem.retryAfterSeconds !== undefined) res.setHeader('Retry-After', retryAfterValue(problem.retryAfterSeconds))
  res.status(problem.status).json(problemBody(family, problem))
}

/** Shorthand for {@link sendProblem} with a status and message. */
export function sendError(
  res: Response,
  family: RouteFamily,
  status: number,
  message: string,
  retryAfterSeconds?: number,
): void {
  sendProblem(res, family, { status, message, retryAfterSeconds })
}

/**
 * The problem to answer for `error` thrown while serving `url`: a known failure's status, anything
 * else a 500; a database outage (503) is logged as a warning, an unknown error as an error.
 */
export function loggedProblemOf(error: unknown, url: string, logger: Logger): Problem {
  const problem = toProblem(error)
  if (problem.status === 503) logger.warn({ err: error, url }, 'database unavailable')
  if (problem === INTERNAL_PROBLEM) logger.error({ err: error, url }, 'unhandled error')
  return problem
}

/** Last middleware: known failures get their status, anything else a logged 500, in the request's family shape. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = loggedProblemOf(error, req.originalUrl, logger)
    if (res.headersSent) return void res.end()
    sendProblem(res, familyOf(req.originalUrl), problem)
  }
}

/** 405 with `Allow`, for a route that exists under other methods. */
export function methodNotAllowed(family: RouteFamily, allow: string): RequestHandler {
  return (_req, res) => {
    res.setHeader('Allow', allow)
    sendError(res, family, 405, HTTP_MESSAGES.methodNotAllowed)
  }
}
