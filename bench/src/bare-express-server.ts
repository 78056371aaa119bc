import express from 'express'
import { childPort } from './env.ts'

/**
 * The baseline: a bare Express 5 app answering the client route with the same JSON body and
 * no authentication, logging or metrics. Run as its own process so it is pinned and measured
 * exactly like the real server.
 */
const body = {
  id: '0b6d5a44-3a1e-4a47-9a43-4c1a2f1b8e11',
  email: 'bench@example.com',
  plan: 'pro',
  created_at: '2026-01-01T00:00:00.000Z',
}

const app = express()
app.get('/api/v1/client/users/me', (_req, res) => void res.json(body))
app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }))

const server = app.listen(childPort(), '127.0.0.1')
process.on('SIGTERM', () => server.close(() => process.exit(0)))
