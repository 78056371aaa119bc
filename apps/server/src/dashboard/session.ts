import type { Request, Response } from 'express'
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session'
import {
  createSession,
  endSession,
  findSessionUser,
  SESSION_TTL_SECONDS,
  type DashboardSession,
  type Services,
} from '@storra/api'
import type { SessionPasswords } from './session-secret.ts'

/** The dashboard session cookie's name (the published contract's session cookie). */
export const SESSION_COOKIE = 'storra_session'

interface CookieData {
  sid?: string
}

export interface SessionSettings {
  passwords: SessionPasswords
  /** Secure cookies even over plain HTTP requests (production, behind TLS termination). */
  secure: boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The dashboard session of one request. The sealed cookie carries only a session id; the
 * row behind it decides whether the session is still alive, so logout is real.
 */
export async function loadDashboardSession(
  req: Request,
  res: Response,
  settings: SessionSettings,
  services: Services,
): Promise<DashboardSession> {
  const options: SessionOptions = {
    password: settings.passwords,
    cookieName: SESSION_COOKIE,
    ttl: SESSION_TTL_SECONDS,
    // Secure whenever the request came over HTTPS (req.secure honours `trust proxy`), and always in production.
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure: settings.secure || req.secure, path: '/' },
  }
  const cookie = await readSessionCookie(req, res, options)
  const sid = typeof cookie.sid === 'string' && UUID.test(cookie.sid) ? cookie.sid : undefined
  const user = sid ? await findSessionUser(services, sid) : null
  return {
    user,
    async login(userId, meta) {
      if (sid) await endSession(services, sid)
      cookie.sid = await createSession(services, userId, new Date(), meta)
      await cookie.save()
    },
    async logout() {
      if (sid) await endSession(services, sid)
      cookie.destroy()
    },
  }
}

// What getIronSession reads when the request's own cookie cannot be read: no cookie at all.
const WITHOUT_COOKIES = { headers: {} } as Request

/**
 * The sealed cookie's contents, or an empty session when the cookie cannot be unsealed for
 * any reason (garbage, a foreign seal, a malformed one that iron-session's parser throws on,
 * too large, undecodable): a request without a valid cookie is simply not logged in. The
 * empty session still saves and clears the cookie on `res`.
 */
async function readSessionCookie(
  req: Request,
  res: Response,
  options: SessionOptions,
): Promise<IronSession<CookieData>> {
  try {
    return await getIronSession<CookieData>(req, res, options)
  } catch {
    return getIronSession<CookieData>(WITHOUT_COOKIES, res, options)
  }
}
