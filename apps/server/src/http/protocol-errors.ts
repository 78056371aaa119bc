import { ServerResponse, STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { HTTP_MESSAGES } from '@storra/core'
import { familyOf, problemBody } from './problem.ts'

type ClientError = Error & { code?: string; rawPacket?: Buffer }

// Node's own choices for its default answers (lib/_http_server.js); only the body is ours.
const PROBLEM_OF_CODE: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: HTTP_MESSAGES.headersTooLarge },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: HTTP_MESSAGES.bodyTooLarge },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: HTTP_MESSAGES.requestTimeout },
}
const MALFORMED = { status: 400, message: HTTP_MESSAGES.malformedRequest }

/** The request target of the request line at the start of `raw`, or '' when there is none to read. */
function requestTargetOf(raw: Buffer | undefined): string {
  if (!raw) return ''
  const line = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1').split('\r\n', 1)[0]!
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ +(\S+)/.exec(line)?.[1] ?? ''
}

/**
 * The http server's `clientError` handler: Node refused a request before any route saw it
 * (bad header name or value, duplicate Content-Length, obs-fold, unknown method, oversized
 * head, timeout). Answers, while the connection still allows it, with Node's status but a
 * JSON body in the family's shape of the path the request line names, then closes.
 */
export function answerProtocolError(error: ClientError, socket: Duplex): void {
  // A response already under way cannot be replaced; a reset peer cannot be answered.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  const problem = (error.code && PROBLEM_OF_CODE[error.code]) || MALFORMED
  const body = JSON.stringify(problemBody(familyOf(requestTargetOf(error.rawPacket)), problem))
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Cache-Control: no-store\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  )
}

/**
 * The http server's `connect` handler. Node hands CONNECT requests (proxy tunnels) to this event
 * instead of the app, and without a listener drops the connection unanswered. This server is no
 * proxy: the request goes through the app like any other method, which answers 405 with `Allow`
 * on known routes and 404 elsewhere, in the family's shape; then the connection closes.
 */
export function answerConnectThroughApp(app: (req: IncomingMessage, res: ServerResponse) => void) {
  return (req: IncomingMessage, socket: Duplex): void => {
    const res = new ServerResponse(req)
    res.shouldKeepAlive = false
    res.assignSocket(socket as Socket)
    res.on('finish', () => {
      res.detachSocket(socket as Socket)
      socket.end()
    })
    // Authority-form (`host:port`) names no resource of ours: not a request we can route.
    if (!req.url?.startsWith('/')) {
      const body = JSON.stringify(problemBody('dashboard', MALFORMED))
      res.writeHead(MALFORMED.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
      })
      res.end(body)
      return
    }
    app(req, res)
  }
}
