import { createServer, type Server } from 'node:http'
import { Server as NetServer, type AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { Logger } from 'pino'
import { createServices, type Services } from '@storra/api'
import { createApp } from './app.ts'
import type { Env } from './env.ts'
import { createDatabaseLoginThrottle, type LoginThrottleLimits } from './dashboard/login-throttle.ts'
import { loadOrCreateSessionSecret, parseSessionSecret } from './dashboard/session-secret.ts'
import { createLogger } from './http/logger.ts'
import { openServiceDatabase } from './open-database.ts'
import { randomBytes } from 'node:crypto'

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))

export interface RunningServer {
  url: string
  port: number
  services: Services
  logger: Logger
  server: Server
  /** Graceful stop: refuse new connections, finish in-flight requests, flush, close the database. */
  close(): Promise<void>
}

export type ServerConfig = Pick<
  Env,
  | 'NODE_ENV'
  | 'PORT'
  | 'HOST'
  | 'DATABASE_URL'
  | 'dataDir'
  | 'SESSION_SECRET'
  | 'STORRA_SECURE_COOKIES'
  | 'STORRA_TRUST_PROXY'
  | 'STORRA_ALLOWED_ORIGINS'
  | 'STORRA_MAX_ACTIVE_KEYS'
  | 'STORRA_KEY_CACHE_SIZE'
  | 'STORRA_KEY_CACHE_TTL_MS'
  | 'STORRA_KEY_RATE_LIMIT'
  | 'STORRA_DB_POOL_SIZE'
  | 'STORRA_WEB_DIST'
  | 'LOG_LEVEL'
> & {
  logger?: Logger
  requestLogging?: boolean
  /** Login throttling (tests set small limits); defaults to DEFAULT_LOGIN_LIMITS. */
  loginLimits?: LoginThrottleLimits
  /** Failed API key attempts per IP per minute before that IP waits; 0 disables. */
  failedKeyAttemptsPerIpPerMinute?: number
}

function sessionSecretFor(config: ServerConfig, logger: Logger): string {
  if (config.SESSION_SECRET) return config.SESSION_SECRET
  if (!config.DATABASE_URL) return loadOrCreateSessionSecret(config.dataDir)
  logger.warn('SESSION_SECRET is not set: sessions will not survive a restart or span instances')
  return randomBytes(32).toString('base64url')
}

function parseTrustProxy(value: string | undefined): string | number | boolean {
  if (value === undefined || value === '') return false
  if (value === 'true' || value === 'false') return value === 'true'
  return /^\d+$/.test(value) ? Number(value) : value
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const logger = config.logger ?? createLogger(config.LOG_LEVEL)
  const opened = await openServiceDatabase({
    url: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: config.STORRA_DB_POOL_SIZE,
    share: true,
    // The CLI may have changed a plan or revoked a key: forget what the key cache holds.
    onExternalStatement: () => services?.verifier.invalidate({ type: 'all' }),
  })
  let services: Services | undefined
  try {
    services = createServices(opened.database, {
      maxActiveKeys: config.STORRA_MAX_ACTIVE_KEYS,
      keyCache: { cacheSize: config.STORRA_KEY_CACHE_SIZE, cacheTtlMs: config.STORRA_KEY_CACHE_TTL_MS },
      loginThrottle: createDatabaseLoginThrottle(opened.database, config.loginLimits),
      onBackgroundError: (err) => logger.warn({ err }, 'background database work failed; will retry'),
    })
    await services.start()
  } catch (error) {
    await opened.close()
    throw error
  }

  const secure = config.STORRA_SECURE_COOKIES ?? config.NODE_ENV === 'production'
  const app = createApp({
    services,
    logger,
    session: { passwords: parseSessionSecret(sessionSecretFor(config, logger)), secure },
    clientLimits: {
      perKeyRateLimit: config.STORRA_KEY_RATE_LIMIT,
      failedAttemptsPerIpPerMinute: config.failedKeyAttemptsPerIpPerMinute ?? 120,
    },
    allowedOrigins: (config.STORRA_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: parseTrustProxy(config.STORRA_TRUST_PROXY),
    webDistDir: config.STORRA_WEB_DIST ?? DEFAULT_WEB_DIST,
    requestLogging: config.requestLogging,
  })

  const server = createServer(app)
  // Slow or stalled clients must not hold sockets forever.
  server.requestTimeout = 30_000
  server.headersTimeout = 15_000
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.PORT, config.HOST, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST
  let closing: Promise<void> | undefined

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    services,
    logger,
    server,
    close() {
      closing ??= (async () => {
        // Let the event loop accept connections already waiting in the listen backlog (they
        // are clients mid-request, as far as they know): closing the listener resets those.
        for (let hop = 0; hop < 2; hop++) await new Promise((resolve) => setImmediate(resolve))
        await new Promise<void>((resolve) => {
          // net.Server#close stops listening and waits for open connections. http.Server#close
          // would also drop "idle" ones at once, and a connection accepted a moment ago is idle
          // until its request has been read: it would be reset. Idle keep-alive connections are
          // swept shortly after instead, once pending requests have had a turn to arrive.
          const sweep = setInterval(() => server.closeIdleConnections(), 100)
          NetServer.prototype.close.call(server, () => {
            clearInterval(sweep)
            resolve()
          })
        })
        await services.stop()
        await opened.close()
      })()
      return closing
    },
  }
}
