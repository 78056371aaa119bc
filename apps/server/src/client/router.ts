import { Router, type RequestHandler } from 'express'
import type { Logger } from 'pino'
import { CLIENT_API_MESSAGES } from '@storra/core'
import { errorHandler, methodNotAllowed, sendError } from '../http/problem.ts'

/** `/api/v1/client`: the API customers call with `X-API-Key`. Errors are `{"detail": ...}`. */
export function createClientRouter(requireApiKey: RequestHandler, logger: Logger): Router {
  const router = Router()

  router.get('/users/me', requireApiKey, (_req, res) => {
    const { id, email, plan, created_at } = res.locals.apiKey!.user
    res.json({ id, email, plan, created_at })
  })
  router.all('/users/me', methodNotAllowed('client', 'GET, HEAD'))

  router.use((_req, res) => sendError(res, 'client', 404, CLIENT_API_MESSAGES.notFound))
  router.use(errorHandler(logger))
  return router
}
