import express from 'express'
import { CONSTANT_BODY } from './constant-body.ts'
import { childPort } from './env.ts'

/**
 * The baseline: a bare Express 5 app answering the client route with the same JSON body and
 * no authentication, logging or metrics. Run as its own process so it is pinned and measured
 * exactly like the real server.
 */
const app = express()
app.get('/api/v1/client/users/me', (_req, res) => void res.json(CONSTANT_BODY))
app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }))

const server = app.listen(childPort(), '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
