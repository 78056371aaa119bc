import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import helmet, { type HelmetOptions } from 'helmet'

/**
 * helmet's headers, worked out once. Without nonces every one of them is the same for every
 * request, and running helmet's dozen middlewares per request is measurable on the
 * key-verification hot path. The headers are exactly helmet's: they come from helmet itself.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const set: [string, string][] = []
  const removed: string[] = []
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.push([name, String(value)])
      return this
    },
    removeHeader(name: string) {
      removed.push(name)
    },
  } as unknown as ServerResponse
  let done = false
  helmet(options)({} as IncomingMessage, response, () => {
    done = true
  })
  if (!done) throw new Error('helmet did not finish synchronously; its headers cannot be precomputed')

  return (_req, res, next) => {
    for (const name of removed) res.removeHeader(name)
    for (const [name, value] of set) res.setHeader(name, value)
    next()
  }
}
