import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express, { Router } from 'express'

/**
 * Serves the dashboard's production build under /dashboard, with history fallback so deep
 * links such as /dashboard/settings load the app.
 */
export function createWebAppRouter(distDir: string | undefined): Router {
  const router = Router()
  const index = distDir ? join(distDir, 'index.html') : undefined
  if (!distDir || !index || !existsSync(index)) {
    router.use((_req, res) => {
      res
        .status(503)
        .type('text/plain')
        .send('The dashboard has not been built. Run `npm run build -w @storra/web` (npm start does this for you).\n')
    })
    return router
  }
  router.use(express.static(distDir, { index: false, maxAge: '1h', fallthrough: true }))
  router.get('/{*path}', (req, res, next) => {
    if (!req.accepts('html')) return next()
    res.setHeader('Cache-Control', 'no-cache')
    res.sendFile(index)
  })
  return router
}
