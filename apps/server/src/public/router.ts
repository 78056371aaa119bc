import express, { Router, type RequestHandler } from 'express'
import type { Logger } from 'pino'
import { RateLimiterRes } from 'rate-limiter-flexible'
import {
  leakReportInput,
  reportLeakedKeys,
  reportScannedSecrets,
  secretScanningAlertInput,
  type Services,
} from '@storra/api'
import { DASHBOARD_MESSAGES, HTTP_MESSAGES, LEAK_REPORT_MESSAGES } from '@storra/core'
import { clientIp } from '../http/client-ip.ts'
import { errorHandler, methodNotAllowed, sendError } from '../http/problem.ts'
import type { GithubSigningKeys } from './github-signing-keys.ts'
import { createLeakReportLimiter } from './leak-report-limiter.ts'

/** Where the public (unauthenticated) routes live. */
export const PUBLIC_API_BASE = '/api/v1/public'

// 1,000 credentials of 256 characters, JSON-quoted, fit; a real report is a fraction of it.
const REVOKE_BODY_LIMIT = '300kb'
// GitHub batches matches (token, type, URL, source); 1,000 of them with long URLs fit.
const ALERT_BODY_LIMIT = '1mb'

export interface PublicRouterOptions {
  services: Services
  logger: Logger
  /** Public revocation requests per IP per hour; 0 disables the throttle. */
  leakReportsPerIpPerHour: number
  signingKeys: GithubSigningKeys
}

/**
 * `/api/v1/public`: leak reports from anyone and from GitHub's secret scanning. No session, no
 * cookies: nothing here reads or sets one. Errors are `{"error"}`; a revocation request is
 * answered identically whether or not its keys exist.
 */
export function createPublicRouter({ services, logger, leakReportsPerIpPerHour, signingKeys }: PublicRouterOptions) {
  const router = Router()
  const limiter = createLeakReportLimiter(leakReportsPerIpPerHour)

  // Counted before the body is read, so that floods of garbage count too.
  const throttle: RequestHandler = async (req, res, next) => {
    if (!limiter) return next()
    try {
      await limiter.consume(clientIp(req) ?? 'unknown')
      next()
    } catch (limited) {
      if (!(limited instanceof RateLimiterRes)) return next(limited)
      sendError(res, 'dashboard', 429, LEAK_REPORT_MESSAGES.tooManyReports, limited.msBeforeNext / 1000)
    }
  }

  router.post(
    '/credentials/revoke',
    throttle,
    express.json({ limit: REVOKE_BODY_LIMIT, type: () => true }),
    async (req, res) => {
      const input = leakReportInput.safeParse(req.body)
      if (!input.success) return sendError(res, 'dashboard', 400, LEAK_REPORT_MESSAGES.credentialsInvalid)
      const answer = await reportLeakedKeys(services, input.data.credentials, {
        source: 'public',
        reporterIp: clientIp(req),
      })
      res.status(202).json(answer)
    },
  )

  router.post(
    '/secret-scanning/github',
    // The signature covers the bytes as sent: read them raw, verify, and only then parse.
    express.raw({ limit: ALERT_BODY_LIMIT, type: () => true }),
    async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const check = signingKeys.check(
        req.get('github-public-key-identifier'),
        req.get('github-public-key-signature'),
        raw,
      )
      if (check === 'missing') return sendError(res, 'dashboard', 400, LEAK_REPORT_MESSAGES.signatureMissing)
      if (check === 'unknown-key') return sendError(res, 'dashboard', 401, LEAK_REPORT_MESSAGES.unknownSigningKey)
      if (check === 'invalid') return sendError(res, 'dashboard', 401, LEAK_REPORT_MESSAGES.signatureInvalid)
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        return sendError(res, 'dashboard', 400, HTTP_MESSAGES.bodyNotJson)
      }
      const matches = secretScanningAlertInput.safeParse(body)
      if (!matches.success) return sendError(res, 'dashboard', 400, LEAK_REPORT_MESSAGES.matchesInvalid)
      const labels = await reportScannedSecrets(services, matches.data, clientIp(req))
      logger.info(
        { matches: labels.length, ours: labels.filter((l) => l.label === 'true_positive').length },
        'secret-scanning alert',
      )
      res.status(200).json(labels)
    },
  )

  router.all('/credentials/revoke', methodNotAllowed('dashboard', 'POST'))
  router.all('/secret-scanning/github', methodNotAllowed('dashboard', 'POST'))
  router.use((_req, res) => sendError(res, 'dashboard', 404, DASHBOARD_MESSAGES.notFound))
  router.use(errorHandler(logger))
  return router
}
