import { z } from 'zod'

/** `GET /healthz`: the process answers. */
export const healthBodySchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' })

/** `GET /readyz`: 200 with `ok` when the database answers a ping, 503 with `unavailable` when not. */
export const readinessBodySchema = z
  .object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['postgres', 'pglite']) })
  .meta({ id: 'Readiness' })
