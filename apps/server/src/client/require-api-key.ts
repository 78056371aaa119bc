import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import {
  CLIENT_API_MESSAGES,
  decideKeyUse,
  INVALID_API_KEY_BODY,
  IP_NOT_ALLOWED_BODY,
  MISSING_API_KEY_BODY,
  PRO_REQUIRED_BODY,
} from '@storra/core'
import type { KeyUseRecorder, KeyVerifier, VerifiedKey } from '@storra/api'
import type { RateLimitStore } from '../limits/rate-limit-store.ts'
import { jsonBytes } from './json-answer.ts'

export interface RequireApiKeyOptions {
  /** Requests per second per key; 0 disables the limit. */
  perKeyRateLimit: number
  /** Failed key attempts per IP per minute before that IP is refused for a while; 0 disables. */
  failedAttemptsPerIpPerMinute: number
}

/**
 * What happened to a request's key, in the words the usage counters use (wave-2 sketch):
 * `ok`, `plan_forbidden`, `ip_denied`, `rate_limited`, `expired` (answered as a revoked key), plus
 * the refusals that name no key (`missing`, `invalid`: malformed, unknown or revoked; `ip_blocked`).
 */
type KeyOutcome =
  'ok' | 'missing' | 'invalid' | 'ip_blocked' | 'expired' | 'ip_denied' | 'plan_forbidden' | 'rate_limited'

/** The per-key limit's state after this request (IETF RateLimit headers). */
export interface RateLimitState {
  /** Requests per window. */
  limit: number
  /** Window, seconds. */
  windowSeconds: number
  remaining: number
  /** Seconds until the window resets (whole, at least 0). */
  resetSeconds: number
}

/** A key check's verdict: the verified key, or the exact answer to send instead. */
export type KeyCheck =
  | { ok: true; outcome: 'ok'; key: VerifiedKey; rateLimit?: RateLimitState }
  | {
      ok: false
      outcome: Exclude<KeyOutcome, 'ok'>
      status: 401 | 403 | 429
      /** The JSON body's bytes (precomputed: the contract's bodies are constants). */
      body: Buffer
      /** The key, when it was recognised (for per-key usage counts). */
      key?: VerifiedKey
      retryAfterSeconds?: number
      rateLimit?: RateLimitState
    }

/**
 * Checks the `X-API-Key` header value of a request from `address` (the client IP as clientIp
 * gives it: the throttle key and what a key's allowlist is matched against; undefined when unknown)
 * sent with `userAgent` (recorded as the key's last use).
 */
export type ApiKeyCheck = (
  header: string | string[] | undefined,
  address: string | undefined,
  userAgent: string | undefined,
) => Promise<KeyCheck>

const MISSING = jsonBytes(MISSING_API_KEY_BODY)
const INVALID = jsonBytes(INVALID_API_KEY_BODY)
const PRO_REQUIRED = jsonBytes(PRO_REQUIRED_BODY)
const IP_NOT_ALLOWED = jsonBytes(IP_NOT_ALLOWED_BODY)
const TOO_MANY_FAILED = jsonBytes({ detail: CLIENT_API_MESSAGES.tooManyFailedKeys })
const RATE_LIMITED = jsonBytes({ detail: CLIENT_API_MESSAGES.keyRateLimited })

function rateLimitState(limit: number, res: RateLimiterRes): RateLimitState {
  return {
    limit,
    windowSeconds: 1,
    remaining: res.remainingPoints,
    resetSeconds: Math.max(0, Math.ceil(res.msBeforeNext / 1000)),
  }
}

/**
 * The client API's one key check, used for every `/api/v1/client/*` route: answers exactly as the
 * published contract says: 401 for a missing, malformed, unknown, revoked or expired key, 403 for
 * a valid key used from outside its IP allowlist or of an account without Cloud Pro (the one
 * decision, `decideKeyUse`, reads only what the verifier holds), 429 for an IP with too many
 * failed keys or a key over its per-second rate. Limits live in `store` (this process's memory,
 * or Redis shared by all instances). Rejects only when the database fails on a cache miss (the
 * caller maps that to 503). Every request naming a known key (revoked and expired ones included)
 * is counted against it by outcome in `recorder`: one in-memory call (issue 12); only an accepted
 * request (`recordAccepted`) becomes the key's last use, so a key used only from refused IPs
 * never counts as "at work" for the rotation sweep.
 */
export function createApiKeyCheck(
  verifier: KeyVerifier,
  recorder: KeyUseRecorder,
  options: RequireApiKeyOptions,
  store: RateLimitStore,
): ApiKeyCheck {
  const keyLimit = options.perKeyRateLimit
  const perKey: RateLimiterAbstract | undefined =
    keyLimit > 0
      ? store.limiter({ name: 'key_rate', points: keyLimit, duration: 1, refuseSpentLocally: true })
      : undefined
  const failures: RateLimiterAbstract | undefined =
    options.failedAttemptsPerIpPerMinute > 0
      ? store.limiter({
          name: 'key_failures_ip',
          points: options.failedAttemptsPerIpPerMinute,
          duration: 60,
          blockDuration: 60,
          refuseSpentLocally: true,
        })
      : undefined

  return async function checkApiKey(header, address, userAgent) {
    // Unknown addresses (a socket already gone) share one throttle key.
    const ip = address ?? 'unknown'
    if (header === undefined) return { ok: false, outcome: 'missing', status: 401, body: MISSING }

    // Before the key: a blocked IP's guesses must not reach the database (or Redis, once known blocked).
    const blocked = await failures?.get(ip)
    // Blocked means blocked: a right key from an IP that has been guessing gets no answer either.
    if (blocked && blocked.remainingPoints <= 0) {
      return {
        ok: false,
        outcome: 'ip_blocked',
        status: 429,
        body: TOO_MANY_FAILED,
        retryAfterSeconds: blocked.msBeforeNext / 1000,
      }
    }
    const result = await verifier.verify(Array.isArray(header) ? header.join(',') : header)
    if (!result.ok) {
      // A revoked or expired key the verifier still remembers: its attempts count against it.
      if (result.revokedKeyId) recorder.recordUse(result.revokedKeyId, 'revoked', address, userAgent, Date.now())
      await failures?.penalty(ip, 1).catch(() => {})
      return { ok: false, outcome: 'invalid', status: 401, body: INVALID }
    }
    const { key } = result
    const now = Date.now()
    const decision = decideKeyUse(key.use, { nowMs: now, ip: address })
    if (decision !== 'ok') {
      // An expired key counts as `revoked`: an attempt with a key that has ended.
      recorder.recordUse(key.keyId, decision === 'expired' ? 'revoked' : decision, address, userAgent, now)
      if (decision === 'expired') return { ok: false, outcome: 'expired', status: 401, body: INVALID, key }
      if (decision === 'ip_denied') return { ok: false, outcome: 'ip_denied', status: 403, body: IP_NOT_ALLOWED, key }
      return { ok: false, outcome: 'plan_forbidden', status: 403, body: PRO_REQUIRED, key }
    }
    if (!perKey) {
      await recorder.recordAccepted(key, address, userAgent, now)
      return { ok: true, outcome: 'ok', key }
    }
    try {
      const rateLimit = rateLimitState(keyLimit, await perKey.consume(key.keyId))
      await recorder.recordAccepted(key, address, userAgent, now)
      return { ok: true, outcome: 'ok', key, rateLimit }
    } catch (limited) {
      if (!(limited instanceof RateLimiterRes)) throw limited
      recorder.recordUse(key.keyId, 'rate_limited', address, userAgent, now)
      return {
        ok: false,
        outcome: 'rate_limited',
        status: 429,
        body: RATE_LIMITED,
        key,
        retryAfterSeconds: limited.msBeforeNext / 1000,
        rateLimit: rateLimitState(keyLimit, limited),
      }
    }
  }
}
