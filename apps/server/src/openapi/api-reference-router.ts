import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Router } from 'express'
import { methodNotAllowed } from '../http/problem.ts'
import { buildOpenApiDocument, OPENAPI_PATH } from './document.ts'

/** Where the API reference page is served. */
const DOCS_PATH = '/docs'

// Only what the page loads is served from swagger-ui-dist: not its demo index.html, not source maps.
const SWAGGER_ASSETS = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', 'favicon-16x16.png'])

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))

// A file of its own rather than an inline script, so the default CSP (`script-src 'self'`) holds.
// `validatorUrl: null` keeps Swagger UI from sending the document to an online validator.
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_PATH)},
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  withCredentials: true,
})
`

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference · Storra Cloud</title>
    <link rel="icon" type="image/png" href="${DOCS_PATH}/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="${DOCS_PATH}/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${DOCS_PATH}/assets/swagger-ui-bundle.js"></script>
    <script src="${DOCS_PATH}/assets/init.js"></script>
  </body>
</html>
`

/**
 * `GET /api/v1/openapi.json` (the document, built once) and the API reference page at `/docs`:
 * Swagger UI served from node_modules, so the page loads nothing from outside this server.
 */
export function createApiReferenceRouter(): Router {
  const router = Router()
  const document = buildOpenApiDocument()
  router.get(OPENAPI_PATH, (_req, res) => void res.json(document))
  router.get(DOCS_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache')
    res.type('html').send(PAGE)
  })
  for (const path of [OPENAPI_PATH, DOCS_PATH]) router.all(path, methodNotAllowed('dashboard', 'GET, HEAD'))
  router.get(`${DOCS_PATH}/assets/init.js`, (_req, res) => void res.type('js').send(INIT_SCRIPT))
  router.get(`${DOCS_PATH}/assets/:file`, (req, res, next) => {
    const file = req.params.file
    if (!SWAGGER_ASSETS.has(file)) return next()
    res.sendFile(join(swaggerDir, file), { maxAge: '1h' })
  })
  return router
}
