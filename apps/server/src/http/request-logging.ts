import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from 'pino'

function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query === -1 ? url : url.slice(0, query)
}

/** Starts watching one request: called as it arrives, before any router has touched it. */
export type RequestWatcher = (req: IncomingMessage, res: ServerResponse) => void

let lastRequestId = 0

/**
 * One line per request: id, method, path, status, time. No headers, bodies or query strings.
 * Written by hand rather than with pino-http: it is on every request's path, and pino-http's
 * per-request child logger and serializer wrappers cost more than the key check itself
 * (bench/RESULTS.md). One `close` listener covers both finished and aborted requests.
 */
export function createRequestLog(logger: Logger): RequestWatcher {
  // The line is built from the five fields below and nothing else, so the logger's path
  // redaction (there for log calls that pass whole objects) has nothing to find here; it
  // would double the cost of every request's log line.
  const requestLogger = logger.child({}, { redact: [] })
  return (req, res) => {
    const startedAt = Date.now()
    // Express rewrites req.url inside routers: what the client asked for is read now.
    const url = req.url ?? ''
    const id = ++lastRequestId
    res.once('close', () => {
      const finished = res.writableFinished
      const level = !finished || res.statusCode >= 500 ? (finished ? 'error' : 'warn') : 'info'
      if (!requestLogger.isLevelEnabled(level)) return
      const path = pathOf(url)
      requestLogger[level](
        {
          req: { id, method: req.method, path, remoteAddress: req.socket.remoteAddress },
          res: { statusCode: res.statusCode },
          responseTime: Date.now() - startedAt,
        },
        finished ? `${req.method} ${path} ${res.statusCode}` : `${req.method} ${path} aborted`,
      )
    })
  }
}
