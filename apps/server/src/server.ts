import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { Server as NetServer, type AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import { createBillingGateway, createServices, type Services } from '@storra/api'
import { createApp } from './app.ts'
import type { ServerConfig } from './env.ts'
import { createDatabaseLoginThrottle, createLoginThrottle } from './dashboard/database-login-throttle.ts'
import { createResetRequestThrottle } from './dashboard/reset-request-throttle.ts'
import { createSmtpMailer } from './mail/smtp-mailer.ts'
import { loadOrCreateSessionSecret, parseSessionSecret, type SessionPasswords } from './dashboard/session-secret.ts'
import { createLogger } from './http/logger.ts'
import { createHttpServer } from './http/protocol-errors.ts'
import { createRateLimitStore } from './limits/rate-limit-store.ts'
import { openServiceDatabase } from './open-database.ts'
import { GithubSigningKeys } from './public/github-signing-keys.ts'

export interface RunningServer {
  url: string
  port: number
  services: Services
  logger: Logger
  server: Server
  /** Graceful stop: refuse new connections, finish in-flight requests, flush, close the database. */
  close(): Promise<void>
}

export interface StartOptions {
  /** Where log lines go; a pino logger at `config.log.level` on standard output by default. */
  logger?: Logger
}

function sessionSecretFor(config: ServerConfig, logger: Logger): SessionPasswords {
  if (config.session.secret) return config.session.secret
  if (!config.database.url) return parseSessionSecret(loadOrCreateSessionSecret(config.database.dataDir))
  logger.warn('SESSION_SECRET is not set: sessions will not survive a restart or span instances')
  return parseSessionSecret(randomBytes(32).toString('base64url'))
}

/**
 * Opens the database, starts the services and listens on `config.http`. Rejects (after
 * closing what it opened) when the database cannot be opened or the port is taken.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.log.level)
  // Before anything opens: a bad keys file stops startup with its name, not a 401 at alert time.
  const signingKeys = new GithubSigningKeys(config.secretScanning.keysFile)
  // Declared before the database opens: from the moment the embedded database is shared, a CLI
  // statement may arrive, and until the services exist there is no key cache to forget.
  let services: Services | undefined
  const mailer = config.mail ? createSmtpMailer(config.mail) : undefined
  const opened = await openServiceDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    poolSize: config.database.poolSize,
    share: true,
    // The CLI may have changed a plan or revoked a key: forget what the key cache holds.
    onExternalStatement: () => services?.verifier.invalidate({ type: 'all' }),
  })
  // With REDIS_URL every limit (per-key rate, failed keys per IP, login) is shared through Redis.
  const limitStore = createRateLimitStore(config.redis.url, logger)
  try {
    services = createServices(opened.database, {
      maxActiveKeys: config.limits.maxActiveKeys,
      keyLifecycle: {
        maxKeyLifetimeDays: config.keys.maxLifetimeDays,
        rotationQuietSeconds: config.keys.rotationQuietSeconds,
      },
      rotationSweepIntervalMs: config.keys.rotationSweepIntervalMs,
      keyCache: { cacheSize: config.cache.keys, cacheTtlMs: config.cache.ttlMs },
      loginThrottle: config.redis.url
        ? createLoginThrottle(config.limits.login, limitStore)
        : createDatabaseLoginThrottle(opened.database, config.limits.login),
      passwordWork: config.limits.passwordWork,
      auditRetentionDays: config.audit.retentionDays,
      onBackgroundError: (err) => logger.warn({ err }, 'background database work failed; will retry'),
      billing: config.stripe ? createBillingGateway(config.stripe) : undefined,
      mailer,
      resetThrottle: createResetRequestThrottle(opened.database),
    })
    await services.start()
  } catch (error) {
    await limitStore.close()
    await opened.close()
    throw error
  }
  const running = services

  const secure = config.session.secureCookies ?? config.mode === 'production'
  const app = createApp({
    services: running,
    logger,
    session: { passwords: sessionSecretFor(config, logger), secure },
    clientLimits: {
      perKeyRateLimit: config.limits.keyRequestsPerSecond,
      failedAttemptsPerIpPerMinute: config.limits.failedKeyAttemptsPerIpPerMinute,
    },
    limitStore,
    allowedOrigins: config.web.allowedOrigins,
    trustProxy: config.http.trustProxy,
    webDistDir: config.web.distDir,
    requestLogging: config.log.requests,
    leakReportsPerIpPerHour: config.limits.leakReportsPerIpPerHour,
    signingKeys,
  })

  const server = createHttpServer(app)
  // Slow or stalled clients must not hold sockets forever.
  server.requestTimeout = 30_000
  server.headersTimeout = 15_000
  server.keepAliveTimeout = 5_000
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.http.port, config.http.host, () => resolve())
    })
  } catch (error) {
    // A busy port: give the database (and the embedded socket) back before reporting it.
    await services.stop()
    await limitStore.close()
    await opened.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  const { host: bound } = config.http
  const host = bound === '0.0.0.0' || bound === '::' ? 'localhost' : bound
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  running.publicUrl = config.http.publicUrl ?? url
  let closing: Promise<void> | undefined

  return {
    url,
    port,
    services: running,
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
        await running.stop()
        mailer?.close()
        await limitStore.close()
        await opened.close()
      })()
      return closing
    },
  }
}
