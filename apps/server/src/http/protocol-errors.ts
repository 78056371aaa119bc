import {
  createServer,
  ServerResponse,
  STATUS_CODES,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { INTERNAL_PROBLEM, MALFORMED_PROBLEM, toProblem, type Problem } from '@storra/api'
import { HTTP_MESSAGES } from '@storra/core'
import { familyOf, problemBody } from './problem.ts'

type ClientError = Error & { code?: string; rawPacket?: Buffer }

const HOST_MISSING: Problem = { status: 400, message: HTTP_MESSAGES.hostMissing }
const EXPECTATION_FAILED: Problem = { status: 417, message: HTTP_MESSAGES.expectationFailed }

/** How long a connection we have finished with may wait for the peer's FIN before it is destroyed (ms). */
const HALF_OPEN_GRACE_MS = 2_000

/**
 * Ends `socket` after `data`, then destroys it if the peer has not closed its side within
 * {@link HALF_OPEN_GRACE_MS}. Once Node's parser has let go of a connection (a refused request,
 * CONNECT), nothing else times it out: a peer that never closes would hold it, and a server's
 * close() that waits for its connections, forever.
 */
function endConnection(socket: Duplex, data?: string): void {
  socket.end(data)
  const timer = setTimeout(() => socket.destroy(), HALF_OPEN_GRACE_MS)
  timer.unref()
  socket.once('close', () => clearTimeout(timer))
}

/** `problem` as the JSON body of `target`'s family and the headers that go with it; the connection closes after it. */
function problemAnswer(target: string, problem: Problem): { headers: OutgoingHttpHeaders; body: string } {
  const body = JSON.stringify(problemBody(familyOf(target), problem))
  return {
    body,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'close',
    },
  }
}

/** Answers `problem` on a response no route has touched, in the family shape of `req`'s target, then closes. */
function endWithProblem(req: IncomingMessage, res: ServerResponse, problem: Problem): void {
  const { headers, body } = problemAnswer(req.url ?? '', problem)
  res.shouldKeepAlive = false
  res.writeHead(problem.status, headers).end(body)
}

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
function answerProtocolError(error: ClientError, socket: Duplex): void {
  // A response already under way cannot be replaced; a reset peer cannot be answered.
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  const known = toProblem(error)
  const problem = known === INTERNAL_PROBLEM ? MALFORMED_PROBLEM : known
  const { headers, body } = problemAnswer(requestTargetOf(error.rawPacket), problem)
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${String(value)}\r\n`)
  endConnection(socket, `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n${head.join('')}\r\n${body}`)
}

/**
 * The http server's `connect` handler. Node hands CONNECT requests (proxy tunnels) to this event
 * instead of the app, and without a listener drops the connection unanswered. This server is no
 * proxy: the request goes through the app like any other method, which answers 405 with `Allow`
 * on known routes and 404 elsewhere, in the family's shape; then the connection closes.
 */
function answerConnectThroughApp(app: RequestListener) {
  return (req: IncomingMessage, socket: Duplex): void => {
    const res = new ServerResponse(req)
    res.shouldKeepAlive = false
    res.assignSocket(socket as Socket)
    res.on('finish', () => {
      res.detachSocket(socket as Socket)
      endConnection(socket)
    })
    // Authority-form (`host:port`) names no resource of ours: not a request we can route.
    if (!req.url?.startsWith('/')) return endWithProblem(req, res, MALFORMED_PROBLEM)
    app(req, res)
  }
}

/**
 * The http server's `upgrade` handler. No route upgrades the protocol, and RFC 9110 §7.8 lets a
 * server ignore `Upgrade`. Node does ignore it when nobody listens, but then loses any parse
 * error in the body that follows (a broken chunk leaves the request hanging until its
 * timeout). So the request is handed back to Node's parser without its Upgrade header: valid
 * requests are served as usual (a WebSocket handshake gets the route's normal answer, not
 * 101), broken framing reaches {@link answerProtocolError}.
 */
function ignoreUpgrade(server: Server) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Node decoded the head as latin1 and already checked every byte of it: re-encoding is exact.
    const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`]
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i]!.toLowerCase() !== 'upgrade') lines.push(`${req.rawHeaders[i]}:${req.rawHeaders[i + 1]}`)
    }
    const replay = () => {
      socket.unshift(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), head]))
      server.emit('connection', socket)
    }
    // A pipelined request's response may still be on its way: the replayed parser starts after it.
    const whenIdle = () => {
      const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage
      if (inFlight) inFlight.once('finish', () => setImmediate(whenIdle))
      else if (!socket.destroyed) replay()
    }
    whenIdle()
  }
}

/** RFC 9112 §3.2, as Node's `requireHostHeader` checks it, but answered in the family's shape. */
function lacksHost(req: IncomingMessage): boolean {
  return req.httpVersionMajor === 1 && req.httpVersionMinor === 1 && req.headers.host === undefined
}

/**
 * The HTTP server for `app`. Node answers some requests itself with a bare status line and no
 * body, or not at all; here each gets Node's status with a JSON body in the family's shape of its
 * path (`{"detail"}` under /api/v1/client, tRPC's envelope on tRPC paths, `{"error"}`
 * elsewhere), or is served by the app: parser refusals (`clientError`), an HTTP/1.1 request
 * without Host (400), an `Expect` other than 100-continue (417), CONNECT (through the app) and
 * `Upgrade` (ignored, through the app).
 */
export function createHttpServer(app: RequestListener): Server {
  const serve: RequestListener = (req, res) => (lacksHost(req) ? endWithProblem(req, res, HOST_MISSING) : app(req, res))
  const server = createServer({ requireHostHeader: false }, serve)
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (lacksHost(req)) return endWithProblem(req, res, HOST_MISSING)
    res.writeContinue()
    app(req, res)
  })
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) =>
    endWithProblem(req, res, lacksHost(req) ? HOST_MISSING : EXPECTATION_FAILED),
  )
  server.on('clientError', answerProtocolError)
  server.on('connect', answerConnectThroughApp(app))
  server.on('upgrade', ignoreUpgrade(server))
  return server
}
