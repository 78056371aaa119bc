import type { RequestHandler } from 'express'
// tRPC's own reading of the accept headers, so "streamed" means here what it means to the adapter.
import { getAcceptHeader } from '@trpc/server/unstable-core-do-not-import'
import { STREAMED_COOKIE_CALL_MESSAGE } from '@storra/core'
import { SESSION_COOKIE_PROCEDURES } from '@storra/api'
import { sendError } from '../http/problem.ts'

/**
 * Mounted on `/trpc` before the adapter. A streamed batch (`trpc-accept: application/jsonl`
 * or `Accept: application/jsonl`) sends its status and headers before any procedure runs,
 * so a procedure that sets or clears the session cookie would end a session without
 * clearing the cookie, or start one whose cookie never arrives (issue 17.3). Such a batch is
 * refused whole with 400 in tRPC's non-batch error envelope, which is what httpBatchStreamLink
 * reads from a failed response, and nothing in it runs.
 */
export const refuseStreamedCookieCalls: RequestHandler = (req, res, next) => {
  const accept = getAcceptHeader({ get: (name: string) => req.get(name) ?? null } as Headers)
  if (accept !== 'application/jsonl' || req.query.batch !== '1') return next()
  // The adapter's own reading of the path: the last segment, split on commas.
  const paths = req.path.slice(req.path.lastIndexOf('/') + 1).split(',')
  if (!paths.some((p) => SESSION_COOKIE_PROCEDURES.has(p))) return next()
  sendError(res, 'trpc', 400, STREAMED_COOKIE_CALL_MESSAGE)
}
