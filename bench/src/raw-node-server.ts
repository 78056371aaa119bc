import { createServer } from 'node:http'
import { CONSTANT_BODY } from './constant-body.ts'
import { childPort } from './env.ts'

/**
 * The ceiling: `node:http` alone answering the same JSON bytes, serialised once, with the same
 * Content-Type and nothing else (no routing, key check, logging or metrics). What this machine
 * can do at all per core; pinned and measured exactly like the real server.
 */
const body = Buffer.from(JSON.stringify(CONSTANT_BODY))
const health = Buffer.from(JSON.stringify({ status: 'ok' }))

const server = createServer((req, res) => {
  const answer = req.url === '/healthz' ? health : body
  res.writeHead(200, ['Content-Type', 'application/json; charset=utf-8', 'Content-Length', String(answer.length)])
  res.end(answer)
})
server.listen(childPort(), '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
