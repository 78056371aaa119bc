import type { IncomingMessage, ServerResponse } from 'node:http'
import parseurl from 'parseurl'
import proxyaddr from 'proxy-addr'
import type { Logger } from 'pino'
import { CLIENT_API_MESSAGES, HTTP_MESSAGES } from '@storra/core'
import type { ClientUser } from '@storra/api'
import { clientIpFrom } from '../http/client-ip.ts'
import { loggedProblemOf, problemBody, retryAfterValue } from '../http/problem.ts'
import type { RequestWatcher } from '../http/request-logging.ts'
import { jsonApiHeaders, jsonBytes, writeJson } from './json-answer.ts'
import type { ApiKeyCheck, KeyCheck, RateLimitState } from './require-api-key.ts'

/** Where the client API is mounted; Express would match it case-insensitively, and so does this. */
const MOUNT = '/api/v1/client'
const USERS_ME = `${MOUNT}/users/me`
const NOT_FOUND = jsonBytes({ detail: CLIENT_API_MESSAGES.notFound })
const METHOD_NOT_ALLOWED = jsonBytes({ detail: HTTP_MESSAGES.methodNotAllowed })
const ALLOW_GET = ['Allow', 'GET, HEAD'] as const
/** IETF httpapi RateLimit headers (draft-ietf-httpapi-ratelimit-headers): the per-key limit's name. */
const POLICY = '"key"'

export interface ClientApiOptions {
  checkApiKey: ApiKeyCheck
  /** Called as each client API request arrives (metrics, request log): the same ones Express runs. */
  watchers: readonly RequestWatcher[]
  logger: Logger
  /** HTTPS deployment: HSTS on every answer. */
  secure: boolean
  /** Express's compiled `trust proxy` function, or undefined when no proxy is trusted (req.ip is the peer). */
  trustProxy?: (address: string, hop: number) => boolean
  /** Requests per second per key (0: no limit, no RateLimit headers). */
  perKeyRateLimit: number
}

/**
 * Which client API route `req` names, routed as Express's router would (its URL parse, mount and
 * route matched case-insensitively, one trailing slash optional): `me`, `other` (404/405 in the
 * client's shape), or undefined when the target is not under the client API's mount at all.
 */
function clientRouteOf(req: IncomingMessage): 'me' | 'other' | undefined {
  const pathname = parseurl(req)?.pathname
  if (!pathname) return undefined
  if (pathname === USERS_ME) return 'me'
  if (pathname.length < MOUNT.length || pathname.slice(0, MOUNT.length).toLowerCase() !== MOUNT) return undefined
  const rest = pathname.slice(MOUNT.length).toLowerCase()
  if (rest !== '' && !rest.startsWith('/')) return undefined
  return rest === '/users/me' || rest === '/users/me/' ? 'me' : 'other'
}

/**
 * The client API (`/api/v1/client/*`) served straight from `node:http`, in front of the Express
 * app: the generic router, `res.json` and the HTML security headers were most of a verified
 * request's cost (bench/ANALYSIS.md). It shares everything else with the rest of the server: the
 * key check (verifier and limits), the metrics and request-log watchers, the problem mapping and
 * the error bodies. Returns a listener that answers client API requests and returns true, or
 * returns false (touching nothing) for the caller to hand the request to Express.
 */
export function createClientApi(options: ClientApiOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { checkApiKey, watchers, logger, trustProxy, perKeyRateLimit } = options
  const headers = jsonApiHeaders(options.secure)
  const policy = perKeyRateLimit > 0 ? `${POLICY};q=${perKeyRateLimit};w=1` : undefined
  // The same user answers thousands of times between cache evictions: serialise them once.
  const bodies = new WeakMap<ClientUser, Buffer>()

  const rateHeaders = (state: RateLimitState | undefined, retryAfterSeconds: number | undefined): string[] => {
    const extra: string[] = []
    if (state && policy) {
      extra.push('RateLimit-Policy', policy, 'RateLimit', `${POLICY};r=${state.remaining};t=${state.resetSeconds}`)
    }
    if (retryAfterSeconds !== undefined) extra.push('Retry-After', retryAfterValue(retryAfterSeconds))
    return extra
  }

  const answer = (res: ServerResponse, check: KeyCheck) => {
    if (!check.ok) {
      return writeJson(res, headers, check.status, check.body, rateHeaders(check.rateLimit, check.retryAfterSeconds))
    }
    const { user } = check.key
    let body = bodies.get(user)
    if (!body) {
      const { id, email, plan, created_at } = user
      bodies.set(user, (body = jsonBytes({ id, email, plan, created_at })))
    }
    writeJson(res, headers, 200, body, check.rateLimit ? rateHeaders(check.rateLimit, undefined) : undefined)
  }

  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    const problem = loggedProblemOf(error, req.url ?? '', logger)
    if (res.headersSent) return void res.end()
    const retry = problem.retryAfterSeconds
    writeJson(
      res,
      headers,
      problem.status,
      jsonBytes(problemBody('client', problem)),
      retry === undefined ? undefined : ['Retry-After', retryAfterValue(retry)],
    )
  }

  return (req, res) => {
    const route = clientRouteOf(req)
    if (route === undefined) return false
    for (const watch of watchers) watch(req, res)
    const method = req.method
    if (route === 'other') {
      writeJson(res, headers, 404, NOT_FOUND)
    } else if (method !== 'GET' && method !== 'HEAD') {
      writeJson(res, headers, 405, METHOD_NOT_ALLOWED, ALLOW_GET)
    } else {
      const ip = clientIpFrom(trustProxy ? proxyaddr(req, trustProxy) : undefined, req.socket.remoteAddress)
      checkApiKey(req.headers['x-api-key'], ip, req.headers['user-agent'])
        .then((check) => answer(res, check))
        .catch((error: unknown) => fail(req, res, error))
    }
    return true
  }
}
