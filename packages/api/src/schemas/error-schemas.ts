import { z } from 'zod'

// Error bodies of the two route families, exactly as the published authentication page shows them.

/** Client API, missing `X-API-Key`: FastAPI's validation error list. */
export const missingApiKeyBodySchema = z
  .object({
    detail: z.array(
      z.object({
        type: z.literal('missing'),
        loc: z.tuple([z.literal('header'), z.literal('X-API-Key')]),
        msg: z.literal('Field required'),
        input: z.null(),
      }),
    ),
  })
  .meta({ id: 'MissingApiKeyError', description: 'FastAPI-style validation error: the `X-API-Key` header is missing.' })

/** Client API errors other than a missing header: `{"detail": "message"}`. */
export const clientErrorBodySchema = z
  .object({ detail: z.string() })
  .meta({ id: 'ClientError', description: 'Client API error: `detail` holds the message.' })

/** Dashboard errors: `{"error": "message"}`, never `detail`. */
export const dashboardErrorBodySchema = z
  .object({ error: z.string() })
  .meta({ id: 'DashboardError', description: 'Dashboard API error: `error` holds the message.' })
