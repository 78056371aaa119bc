import type { RequestHandler } from 'express'
import { exceedsJsonDepth, JSON_TOO_DEEP_MESSAGE } from '@storra/core'
import { familyOf, sendError } from '../http/problem.ts'

/** The JSON a tRPC GET carries in `?input=`, or undefined when there is none or it is not JSON. */
function queryInput(input: unknown): unknown {
  if (typeof input !== 'string') return undefined
  try {
    return JSON.parse(input) as unknown
  } catch {
    return undefined // the adapter answers malformed input itself, in its envelope
  }
}

/**
 * Refuses JSON nested deeper than MAX_JSON_DEPTH, in a body or in a tRPC `?input=`, before
 * any recursive code sees it: the tRPC adapter re-serialises parsed bodies recursively and
 * overflowed the stack (500) on 4,000 levels (issue 10.1). REST routes answer 400
 * `{"error"}`, tRPC paths BAD_REQUEST in tRPC's envelope; the adapter never sees the body.
 */
export const rejectDeepJson: RequestHandler = (req, res, next) => {
  const tooDeep = exceedsJsonDepth(req.body) || exceedsJsonDepth(queryInput(req.query.input))
  if (!tooDeep) return next()
  sendError(res, familyOf(req.originalUrl), 400, JSON_TOO_DEEP_MESSAGE)
}
