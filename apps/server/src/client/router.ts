import { Router, type RequestHandler } from 'express'
import type { Logger } from 'pino'
import { errorHandler, methodNotAllowed, sendError } from '../http/problem.ts'

/** `/api/v1/client`: the API customers call with `X-API-Key`. Errors are `{"detail": ...}`. */
export function createClientRouter(requireApiKey: RequestHandler, logger: Logger): Router {
  const router = Router()

  router.get('/users/me', requireApiKey, (_req, res) => {
    const { id, email, plan, created_at } = res.locals.apiKey!.user
    res.json({ id, email, plan, created_at })
  })
  router.all('/users/me', methodNotAllowed('client', 'GET, HEAD'))

  router.use((_req, res) => sendError(res, 'client', 404, 'Not Found'))
  router.use(errorHandler('client', logger))
  return router
}
