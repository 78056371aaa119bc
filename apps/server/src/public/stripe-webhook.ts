import express, { Router } from 'express'
import type { Logger } from 'pino'
import { handleStripeWebhook, type Services } from '@storra/api'
import { errorHandler, methodNotAllowed } from '../http/problem.ts'

/** Stripe's own events are a few kilobytes; this bounds what an unsigned stranger can send. */
const WEBHOOK_BODY_LIMIT = '256kb'

/**
 * `POST /api/v1/billing/stripe/webhook`: Stripe's events, no session. The body stays raw (the
 * signature covers its exact bytes). Answers: 200 `{ received: true[, ignored] }` for every
 * verified event, 400 for a missing or bad signature or a stale timestamp, 404 when Stripe is
 * not configured, 503 when the database is down (Stripe retries); never a plan change otherwise.
 */
export function createStripeWebhookRouter(services: Services, logger: Logger): Router {
  const router = Router()
  router.post('/', express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    const outcome = await handleStripeWebhook(services, body, req.get('stripe-signature'))
    if (outcome.ignored) logger.info({ ignored: outcome.ignored }, 'Stripe event acknowledged without a plan change')
    res.json(outcome)
  })
  router.all('/', methodNotAllowed('dashboard', 'POST'))
  router.use(errorHandler(logger))
  return router
}
