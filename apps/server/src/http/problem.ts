import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import { isDatabaseUnavailable } from '@storra/db'
import { DATABASE_UNAVAILABLE_MESSAGE, ServiceError } from '@storra/api'
import type { Logger } from 'pino'

/** Each route family has its own error shape: `detail` (client API) or `error` (dashboard). */
export type RouteFamily = 'client' | 'dashboard'

/** Whole seconds, at least one: a zero would invite an immediate retry that fails again. */
export function retryAfterValue(seconds: number): string {
  return String(Math.max(1, Math.ceil(seconds)))
}

export function sendError(
  res: Response,
  family: RouteFamily,
  status: number,
  message: string,
  retryAfterSeconds?: number,
): void {
  if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', retryAfterValue(retryAfterSeconds))
  res.status(status).json(family === 'client' ? { detail: message } : { error: message })
}

interface HttpProblem {
  status: number
  message: string
  retryAfterSeconds?: number
}

// body-parser marks its errors with a `type`; these are the caller's fault, never a 500.
const BODY_ERRORS: Record<string, HttpProblem> = {
  'entity.too.large': { status: 413, message: 'Request body too large.' },
  'entity.parse.failed': { status: 400, message: 'Request body is not valid JSON.' },
  'encoding.unsupported': { status: 415, message: 'Unsupported content encoding.' },
  'charset.unsupported': { status: 415, message: 'Unsupported charset; send UTF-8 JSON.' },
  'request.aborted': { status: 400, message: 'Request aborted.' },
  'request.size.invalid': { status: 400, message: 'Request size did not match Content-Length.' },
  'stream.encoding.set': { status: 500, message: 'Internal server error.' },
}

export function describeError(error: unknown): HttpProblem | undefined {
  if (error instanceof ServiceError)
    return { status: error.status, message: error.message, retryAfterSeconds: error.retryAfterSeconds }
  if (error instanceof TRPCError) {
    // Unwrapped, a database outage keeps its Retry-After whichever way it was reported.
    if (error.cause instanceof ServiceError || isDatabaseUnavailable(error.cause)) return describeError(error.cause)
    if (error.code !== 'INTERNAL_SERVER_ERROR')
      return { status: getHTTPStatusCodeFromError(error), message: error.message }
    return describeError(error.cause)
  }
  if (isDatabaseUnavailable(error)) return { status: 503, message: DATABASE_UNAVAILABLE_MESSAGE, retryAfterSeconds: 1 }
  const type = (error as { type?: unknown } | null)?.type
  if (typeof type === 'string' && BODY_ERRORS[type]) return BODY_ERRORS[type]
  const status = (error as { status?: unknown } | null)?.status
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: 'Bad request.' }
  return undefined
}

/** Last middleware of a family: known failures get their status, anything else a bare 500. */
export function errorHandler(family: RouteFamily, logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = describeError(error)
    if (problem?.status === 503) logger.warn({ err: error, url: req.originalUrl }, 'database unavailable')
    if (!problem) logger.error({ err: error, url: req.originalUrl }, 'unhandled error')
    if (res.headersSent) return void res.end()
    const { status, message, retryAfterSeconds } = problem ?? { status: 500, message: 'Internal server error.' }
    sendError(res, family, status, message, retryAfterSeconds)
  }
}

export function methodNotAllowed(family: RouteFamily, allow: string): RequestHandler {
  return (_req, res) => {
    res.setHeader('Allow', allow)
    sendError(res, family, 405, 'Method Not Allowed')
  }
}
