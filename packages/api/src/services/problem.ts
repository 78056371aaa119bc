import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc'
import { HTTP_MESSAGES } from '@storra/core'
import { isDatabaseUnavailable } from '@storra/db'
import { ServiceError } from './service-error.ts'

/**
 * What a failure means to the caller: the HTTP status, a sentence safe to show, and for 429
 * and 503 how many seconds to wait (the `Retry-After` header). Each route family wraps it in
 * its own shape: `{"detail"}` (client API), `{"error"}` (dashboard REST), tRPC's envelope.
 */
export interface Problem {
  status: number
  message: string
  retryAfterSeconds?: number
}

/** The answer to anything not recognised below; the caller logs the error, the client sees no details. */
export const INTERNAL_PROBLEM: Readonly<Problem> = { status: 500, message: HTTP_MESSAGES.internal }

// body-parser marks its errors with a `type`; these are the caller's fault, never a 500.
const BODY_ERRORS: Record<string, Problem> = {
  'entity.too.large': { status: 413, message: HTTP_MESSAGES.bodyTooLarge },
  'entity.parse.failed': { status: 400, message: HTTP_MESSAGES.bodyNotJson },
  'encoding.unsupported': { status: 415, message: HTTP_MESSAGES.encodingUnsupported },
  'charset.unsupported': { status: 415, message: HTTP_MESSAGES.charsetUnsupported },
  'request.aborted': { status: 400, message: HTTP_MESSAGES.requestAborted },
  'request.size.invalid': { status: 400, message: HTTP_MESSAGES.bodyLengthMismatch },
}

/** Node refused the request's framing or syntax (lib/_http_server.js answers these with a bare 400). */
export const MALFORMED_PROBLEM: Readonly<Problem> = { status: 400, message: HTTP_MESSAGES.malformedRequest }

// Node's HTTP server marks its refusals with a `code`; each is the client's fault. Node picks
// these statuses for its own answers, the others (`HPE_*` from the llhttp parser) are a 400.
// A parse error reaches a route too, when a well-formed head is followed by broken framing.
const NODE_HTTP_ERRORS: Record<string, Problem> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: HTTP_MESSAGES.headersTooLarge },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, message: HTTP_MESSAGES.bodyTooLarge },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: HTTP_MESSAGES.requestTimeout },
}

type Issue = { path: PropertyKey[]; message: string }

function hasIssues(error: unknown): error is { issues: Issue[] } {
  return Array.isArray((error as { issues?: unknown } | undefined)?.issues)
}

/** A validation failure as one readable sentence, e.g. `label: Invalid input: expected string`. */
function describeIssues(issues: Issue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/**
 * The one decision of how an error becomes a response, for every route family: service
 * failures keep their code and message, a database outage is 503 with a one-second
 * Retry-After wherever it surfaces (procedure, session lookup, middleware), input validation
 * is a 400 sentence, body-parser refusals keep their 4xx, Node's HTTP parser refusals
 * (`HPE_*`, request timeout) are the client's fault, and anything else is
 * {@link INTERNAL_PROBLEM} (compare by identity to decide whether to log it).
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof ServiceError) {
    return { status: error.status, message: error.message, retryAfterSeconds: error.retryAfterSeconds }
  }
  if (isDatabaseUnavailable(error))
    return { status: 503, message: HTTP_MESSAGES.databaseUnavailable, retryAfterSeconds: 1 }
  if (error instanceof TRPCError) {
    // tRPC wraps what a procedure threw; the cause says what really happened.
    if (error.code === 'INTERNAL_SERVER_ERROR') return error.cause ? toProblem(error.cause) : INTERNAL_PROBLEM
    if (error.code === 'BAD_REQUEST' && hasIssues(error.cause))
      return { status: 400, message: describeIssues(error.cause.issues) }
    return { status: getHTTPStatusCodeFromError(error), message: error.message }
  }
  const type = (error as { type?: unknown } | null)?.type
  if (typeof type === 'string' && BODY_ERRORS[type]) return BODY_ERRORS[type]
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    const node = NODE_HTTP_ERRORS[code] ?? (code.startsWith('HPE_') ? MALFORMED_PROBLEM : undefined)
    if (node) return node
  }
  const status = (error as { status?: unknown } | null)?.status
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: HTTP_MESSAGES.badRequest }
  return INTERNAL_PROBLEM
}

type TRPCErrorCode = keyof typeof TRPC_ERROR_CODES_BY_KEY

// The inverse of tRPC's code → status table, for the statuses this service answers with.
const TRPC_CODE_OF_STATUS: Record<number, TRPCErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_SUPPORTED',
  408: 'TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  // tRPC has no code of its own for an oversized head; the status says what happened.
  431: 'BAD_REQUEST',
  503: 'SERVICE_UNAVAILABLE',
}

/** The tRPC error code (key and JSON-RPC number) that answers with `status`; 500 for any other. */
export function trpcCodeOf(status: number): { key: TRPCErrorCode; number: number } {
  const key = TRPC_CODE_OF_STATUS[status] ?? 'INTERNAL_SERVER_ERROR'
  return { key, number: TRPC_ERROR_CODES_BY_KEY[key] }
}
