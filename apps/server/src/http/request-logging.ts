import { pinoHttp } from 'pino-http'
import type { Logger } from 'pino'
import type { IncomingMessage, ServerResponse } from 'node:http'

// Express rewrites req.url inside routers; originalUrl is what the client asked for.
function pathOf(req: IncomingMessage & { originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0]!
}

/** One line per request: method, path, status, time. No headers, bodies or query strings. */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    serializers: {
      req: (req: IncomingMessage & { id?: unknown; raw?: IncomingMessage }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.raw ?? req),
        remoteAddress: (req.raw ?? req).socket?.remoteAddress,
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  })
}
