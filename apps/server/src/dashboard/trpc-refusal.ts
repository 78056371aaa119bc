import type { Response } from 'express'
import type { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
// tRPC's own error shape builder, so a refusal made before the adapter looks exactly like one
// the adapter makes (the project's errorFormatter included).
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import'
import { appRouter } from '@storra/api'

/**
 * Answers a tRPC request that no procedure ran for: `{"error": <tRPC error shape>}` with the
 * code's HTTP status. One envelope even for a batch: that is what tRPC's batch links read
 * from a failed response.
 */
export function sendTrpcRefusal(res: Response, error: TRPCError, path?: string): void {
  const shape = getErrorShape({ config: appRouter._def._config, error, type: 'unknown', path, input: undefined, ctx: undefined })
  res.status(getHTTPStatusCodeFromError(error)).json({ error: shape })
}
