import type { RequestListener } from 'node:http'
import express from 'express'
import type { Logger } from 'pino'
import type { Services } from '@storra/api'
import { DASHBOARD_MESSAGES, DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR } from '@storra/core'
import { createClientApi } from './client/fast-path.ts'
import { createApiKeyCheck, type RequireApiKeyOptions } from './client/require-api-key.ts'
import { createDashboardRouter } from './dashboard/router.ts'
import type { SessionSettings } from './dashboard/session.ts'
import { createMetrics } from './http/metrics.ts'
import { errorHandler, familyOf, methodNotAllowed, sendError } from './http/problem.ts'
import { createRequestLog, type RequestWatcher } from './http/request-logging.ts'
import type { RateLimitStore } from './limits/rate-limit-store.ts'
import { securityHeaders } from './http/security-headers.ts'
import { createWebAppRouter } from './http/web-app.ts'
import { createApiReferenceRouter } from './openapi/api-reference-router.ts'
import { GithubSigningKeys } from './public/github-signing-keys.ts'
import { createPublicRouter, PUBLIC_API_BASE } from './public/router.ts'
import { createStripeWebhookRouter } from './public/stripe-webhook.ts'

export interface AppOptions {
  services: Services
  logger: Logger
  session: SessionSettings
  clientLimits: RequireApiKeyOptions
  /** Where the client API's limits keep their counts (memory, or Redis shared by all instances). */
  limitStore: RateLimitStore
  allowedOrigins?: readonly string[]
  /** Express `trust proxy` (e.g. `1` behind one load balancer), so req.ip and req.protocol are right. */
  trustProxy?: string | number | boolean
  webDistDir?: string
  /** Off in some benchmarks only; production logs every request. */
  requestLogging?: boolean
  /** Public revocation requests per IP per hour (0: no limit); the default is GitHub's 60. */
  leakReportsPerIpPerHour?: number
  /** GitHub's secret-scanning signing keys; without them every alert is refused (401). */
  signingKeys?: GithubSigningKeys
}

/**
 * Builds the whole HTTP application without listening (tests drive it over real HTTP): the client
 * API's `node:http` fast path in front of the Express app, which serves everything else. Both run
 * the same metrics and request-log watchers.
 */
export function createApp(options: AppOptions): RequestListener {
  const { services, logger } = options
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', options.trustProxy ?? false)
  app.set('etag', false)
  app.set('query parser', 'simple')

  const metrics = createMetrics(services, options.limitStore.stats)
  const watchers: RequestWatcher[] = [metrics.watch]
  if (options.requestLogging !== false) watchers.push(createRequestLog(logger))
  app.use((req, res, next) => {
    for (const watch of watchers) watch(req, res)
    next()
  })
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        directives: {
          // Over plain HTTP (local runs) upgrading requests would break every asset.
          upgradeInsecureRequests: options.session.secure ? [] : null,
        },
      },
      strictTransportSecurity: options.session.secure,
    }),
  )

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }))
  app.get('/readyz', async (_req, res) => {
    try {
      await services.database.ping()
      res.json({ status: 'ok', database: services.database.kind })
    } catch {
      res.status(503).json({ status: 'unavailable', database: services.database.kind })
    }
  })
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })

  app.use(createApiReferenceRouter())
  app.use('/api/v1/billing/stripe/webhook', createStripeWebhookRouter(services, logger))

  app.use(
    PUBLIC_API_BASE,
    createPublicRouter({
      services,
      logger,
      leakReportsPerIpPerHour: options.leakReportsPerIpPerHour ?? DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR,
      limitStore: options.limitStore,
      signingKeys: options.signingKeys ?? new GithubSigningKeys(undefined),
    }),
  )

  app.use(
    '/api/v1/dashboard',
    createDashboardRouter({ services, session: options.session, allowedOrigins: options.allowedOrigins ?? [], logger }),
  )
  app.get('/', (_req, res) => res.redirect('/dashboard/'))
  // Every other method on these paths: 405 naming the methods that work, not a 404.
  for (const path of ['/healthz', '/readyz', '/metrics', '/']) app.all(path, methodNotAllowed('dashboard', 'GET, HEAD'))
  app.use('/dashboard', createWebAppRouter(options.webDistDir))

  app.use((req, res) => sendError(res, familyOf(req.originalUrl), 404, DASHBOARD_MESSAGES.notFound))
  app.use(errorHandler(logger))

  const clientApi = createClientApi({
    checkApiKey: createApiKeyCheck(services.verifier, services.lastUsed, options.clientLimits, options.limitStore),
    watchers,
    logger,
    secure: options.session.secure,
    trustProxy: options.trustProxy
      ? (app.get('trust proxy fn') as (address: string, hop: number) => boolean)
      : undefined,
    perKeyRateLimit: options.clientLimits.perKeyRateLimit,
  })
  return (req, res) => {
    if (!clientApi(req, res)) app(req, res)
  }
}
