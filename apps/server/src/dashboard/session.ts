import type { Request, Response } from 'express'
import { getIronSession, type SessionOptions } from 'iron-session'
import { TRPCError } from '@trpc/server'
import { isDatabaseUnavailable } from '@storra/db'
import {
  createSession,
  DATABASE_UNAVAILABLE_MESSAGE,
  endSession,
  findSessionUser,
  SESSION_TTL_SECONDS,
  type DashboardSession,
  type Services,
} from '@storra/api'
import type { SessionPasswords } from './session-secret.ts'

const SESSION_COOKIE = 'storra_session'

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
  const cookie = await getIronSession<CookieData>(req, res, options)
  const sid = typeof cookie.sid === 'string' && UUID.test(cookie.sid) ? cookie.sid : undefined
  const user = sid ? await findSessionUser(services, sid) : null
  return {
    user,
    async login(userId) {
      if (sid) await endSession(services, sid)
      cookie.sid = await createSession(services, userId)
      await cookie.save()
    },
    async logout() {
      if (sid) await endSession(services, sid)
      cookie.destroy()
    },
  }
}

/** The same, for tRPC's context: a database outage becomes SERVICE_UNAVAILABLE, not a 500. */
export async function loadTrpcSession(
  req: Request,
  res: Response,
  settings: SessionSettings,
  services: Services,
): Promise<DashboardSession> {
  try {
    return await loadDashboardSession(req, res, settings, services)
  } catch (error) {
    if (isDatabaseUnavailable(error))
      throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause: error })
    throw error
  }
}
