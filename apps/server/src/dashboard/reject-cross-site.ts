import type { RequestHandler } from 'express'
import { DASHBOARD_MESSAGES } from '@storra/core'
import { familyOf, sendError } from '../http/problem.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF defence for cookie-authenticated writes: a browser always sends `Origin` on a
 * cross-site POST, so a foreign one is refused; and bodies must be JSON, which a plain HTML
 * form cannot send. curl without an Origin keeps working, as the published examples show.
 */
export function rejectCrossSiteWrites(allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const origin = req.headers.origin
    if (origin !== undefined) {
      const own = `${req.protocol}://${req.get('host')}`
      if (origin !== own && !allowedOrigins.includes(origin)) {
        return sendError(res, familyOf(req.originalUrl), 403, DASHBOARD_MESSAGES.crossSite)
      }
    }
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined
    if (hasBody && !req.is('application/json')) {
      return sendError(res, familyOf(req.originalUrl), 415, DASHBOARD_MESSAGES.jsonOnly)
    }
    next()
  }
}
