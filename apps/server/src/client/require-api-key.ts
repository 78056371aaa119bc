import type { RequestHandler } from 'express'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import {
  CLIENT_API_MESSAGES,
  decideKeyUse,
  INVALID_API_KEY_BODY,
  IP_NOT_ALLOWED_BODY,
  MISSING_API_KEY_BODY,
  PRO_REQUIRED_BODY,
} from '@storra/core'
import type { KeyUseRecorder, KeyVerifier, VerifiedKey } from '@storra/api'
import { clientIp } from '../http/client-ip.ts'
import { sendError } from '../http/problem.ts'

export interface RequireApiKeyOptions {
  /** Requests per second per key; 0 disables the limit. */
  perKeyRateLimit: number
  /** Failed key attempts per IP per minute before that IP is refused for a while; 0 disables. */
  failedAttemptsPerIpPerMinute: number
}

declare module 'express-serve-static-core' {
  interface Locals {
    apiKey?: VerifiedKey
  }
}

/**
 * Protects a client API route: `router.get('/x', requireApiKey, handler)`. Answers exactly as
 * the published contract says: 401 for a missing, malformed, unknown, revoked or expired key,
 * 403 for a valid key used from outside its IP allowlist or of an account without Cloud Pro
 * (the one decision, `decideKeyUse`, reads only what the verifier holds). Every request naming
 * a known key (revoked and expired ones included) is counted against it by outcome: one
 * in-memory call, `recorder.recordUse`.
 */
export function createRequireApiKey(
  verifier: KeyVerifier,
  recorder: KeyUseRecorder,
  options: RequireApiKeyOptions,
): RequestHandler {
  const perKey =
    options.perKeyRateLimit > 0 ? new RateLimiterMemory({ points: options.perKeyRateLimit, duration: 1 }) : undefined
  const failures =
    options.failedAttemptsPerIpPerMinute > 0
      ? new RateLimiterMemory({ points: options.failedAttemptsPerIpPerMinute, duration: 60, blockDuration: 60 })
      : undefined

  return async function requireApiKey(req, res, next) {
    const header = req.headers['x-api-key']
    if (header === undefined) return void res.status(401).json(MISSING_API_KEY_BODY)

    const address = clientIp(req)
    const ip = address ?? 'unknown'
    if (failures) {
      const blocked = await failures.get(ip)
      if (blocked && blocked.remainingPoints <= 0) {
        return sendError(res, 'client', 429, CLIENT_API_MESSAGES.tooManyFailedKeys, blocked.msBeforeNext / 1000)
      }
    }

    const result = await verifier.verify(Array.isArray(header) ? header.join(',') : header)
    const userAgent = req.headers['user-agent']
    if (!result.ok) {
      if (result.revokedKeyId) recorder.recordUse(result.revokedKeyId, 'revoked', address, userAgent, Date.now())
      await failures?.penalty(ip, 1).catch(() => {})
      return void res.status(401).json(INVALID_API_KEY_BODY)
    }
    const keyId = result.key.keyId
    const now = Date.now()
    const decision = decideKeyUse(result.key.use, { nowMs: now, ip: address })
    if (decision !== 'ok') {
      // An expired key counts as `revoked`: an attempt with a key that has ended.
      recorder.recordUse(keyId, decision === 'expired' ? 'revoked' : decision, address, userAgent, now)
      if (decision === 'expired') return void res.status(401).json(INVALID_API_KEY_BODY)
      return void res.status(403).json(decision === 'ip_denied' ? IP_NOT_ALLOWED_BODY : PRO_REQUIRED_BODY)
    }

    if (perKey) {
      try {
        await perKey.consume(keyId)
      } catch (limited) {
        recorder.recordUse(keyId, 'rate_limited', address, userAgent, Date.now())
        const wait = limited instanceof RateLimiterRes ? limited.msBeforeNext / 1000 : 1
        return sendError(res, 'client', 429, CLIENT_API_MESSAGES.keyRateLimited, wait)
      }
    }
    recorder.recordUse(keyId, 'ok', address, userAgent, now)
    res.locals.apiKey = result.key
    next()
  }
}
