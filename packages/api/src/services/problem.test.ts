import { TRPCError } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { DASHBOARD_MESSAGES, HTTP_MESSAGES } from '@storra/core'
import { appRouter } from '../root.ts'
import { loginInput } from '../router/inputs.ts'
import { createCallerFactory, type TRPCContext } from '../trpc.ts'
import { INTERNAL_PROBLEM, toProblem, trpcCodeOf } from './problem.ts'
import { ServiceError } from './service-error.ts'

// What a refused connection looks like from `postgres` or PGlite's socket: a Node system error.
function connectionRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
}

describe('toProblem', () => {
  it('keeps a service failure’s status, sentence and wait', () => {
    expect(toProblem(new ServiceError('TOO_MANY_REQUESTS', DASHBOARD_MESSAGES.tooManyLogins, 12.5))).toEqual({
      status: 429,
      message: DASHBOARD_MESSAGES.tooManyLogins,
      retryAfterSeconds: 12.5,
    })
    expect(toProblem(new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound))).toMatchObject({ status: 404 })
  })

  it('answers a database outage with 503 and a one-second wait, however it is wrapped', () => {
    const expected = { status: 503, message: HTTP_MESSAGES.databaseUnavailable, retryAfterSeconds: 1 }
    expect(toProblem(connectionRefused())).toEqual(expected)
    expect(toProblem(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: connectionRefused() }))).toEqual(expected)
    expect(toProblem(new Error('query failed', { cause: new AggregateError([connectionRefused()]) }))).toEqual(expected)
  })

  it('turns input validation into one 400 sentence', () => {
    const parsed = loginInput.safeParse({ email: 'a'.repeat(400), password: 7 })
    expect(parsed.success).toBe(false)
    const problem = toProblem(new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error }))
    expect(problem.status).toBe(400)
    expect(problem.message).toMatch(/^email: .*320.*; password: /)
  })

  it('keeps body-parser refusals as the caller’s fault', () => {
    expect(toProblem(Object.assign(new Error('too big'), { type: 'entity.too.large', status: 413 }))).toEqual({
      status: 413,
      message: HTTP_MESSAGES.bodyTooLarge,
    })
    expect(toProblem(Object.assign(new Error('odd'), { status: 418 }))).toEqual({
      status: 418,
      message: HTTP_MESSAGES.badRequest,
    })
  })

  it('answers Node’s parser refusals as the caller’s fault, even when one reaches a route', () => {
    // What Node's http server attaches to a parse error (lib/_http_server.js, llhttp's codes).
    const parseError = (code: string, reason: string) =>
      Object.assign(new Error(`Parse Error: ${reason}`), { code, reason, bytesParsed: 0 })
    expect(toProblem(parseError('HPE_INVALID_TRANSFER_ENCODING', 'Request has invalid Transfer-Encoding'))).toEqual({
      status: 400,
      message: HTTP_MESSAGES.malformedRequest,
    })
    expect(toProblem(parseError('HPE_HEADER_OVERFLOW', 'Header overflow'))).toEqual({
      status: 431,
      message: HTTP_MESSAGES.headersTooLarge,
    })
    expect(toProblem(Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }))).toMatchObject({
      status: 408,
    })
    // Other system errors are not the caller's fault.
    expect(toProblem(Object.assign(new Error('boom'), { code: 'EMFILE' }))).toBe(INTERNAL_PROBLEM)
  })

  it('hides anything unexpected behind one 500', () => {
    expect(toProblem(new Error('SELECT secret FROM users'))).toBe(INTERNAL_PROBLEM)
    expect(toProblem(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: new TypeError('x is undefined') }))).toBe(
      INTERNAL_PROBLEM,
    )
    expect(toProblem('a string')).toBe(INTERNAL_PROBLEM)
    expect(INTERNAL_PROBLEM).toEqual({ status: 500, message: HTTP_MESSAGES.internal })
  })

  it('maps statuses back to tRPC codes', () => {
    expect(trpcCodeOf(413)).toEqual({ key: 'PAYLOAD_TOO_LARGE', number: -32013 })
    expect(trpcCodeOf(503).key).toBe('SERVICE_UNAVAILABLE')
    expect(trpcCodeOf(418).key).toBe('INTERNAL_SERVER_ERROR')
  })

  it('lets a REST route get the service’s own error back from a procedure, untranslated', async () => {
    // revoke refuses a malformed prefix before touching the database, so no services are needed.
    const context = { services: {}, session: { user: { id: 'u', role: 'user' } } } as unknown as TRPCContext
    const failure = await createCallerFactory(appRouter)(context)
      .apiKeys.revoke({ prefix: 'not-a-prefix' })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ServiceError)
    expect(toProblem(failure)).toEqual({
      status: 404,
      message: DASHBOARD_MESSAGES.keyNotFound,
      retryAfterSeconds: undefined,
    })
  })
})
