import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'
import { createUser, DEFAULT_ROTATION_SWEEP_INTERVAL_MS, type NewUser } from '@storra/api'
import {
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR,
  DEFAULT_MAX_ACTIVE_KEYS,
  DEFAULT_ROTATION_QUIET_SECONDS,
} from '@storra/core/limits'
import type { Plan, SessionUser } from '@storra/core/types'
import { testDatabaseTargets, type TestDatabaseTarget } from '@storra/db/testing'
import { DEFAULT_LOGIN_LIMITS } from './dashboard/database-login-throttle.ts'
import { parseSessionSecret } from './dashboard/session-secret.ts'
import { DEFAULT_FAILED_KEY_ATTEMPTS_PER_IP_PER_MINUTE, DEFAULT_WEB_DIST, type ServerConfig } from './env.ts'
import { startServer, type RunningServer } from './server.ts'

export { testDatabaseTargets, type TestDatabaseTarget }

export interface TestServer extends RunningServer {
  target: TestDatabaseTarget['name']
  /** The database's connection string (real PostgreSQL) or data directory (PGlite). */
  databaseUrl?: string
  dataDir: string
  createUser(input: Partial<NewUser> & { plan?: Plan }): Promise<SessionUser & { password: string }>
  /** Stops the server and deletes its database. */
  dispose(): Promise<void>
}

/** Any part of a {@link ServerConfig}, section by section; arrays and values replace the defaults. */
export type ServerConfigOverrides = {
  [Section in keyof ServerConfig]?: ServerConfig[Section] extends object
    ? Partial<ServerConfig[Section]>
    : ServerConfig[Section]
}

/**
 * The configuration a test server runs with: loopback on a random port, silent logs, no
 * per-key rate limit, a fixed session secret, and `overrides` merged section by section
 * (an override of `undefined` does replace the default, e.g. `session.secureCookies`).
 */
export function testServerConfig(overrides: ServerConfigOverrides = {}): ServerConfig {
  const defaults: ServerConfig = {
    mode: 'test',
    http: { port: 0, host: '127.0.0.1', trustProxy: false },
    database: { url: undefined, dataDir: '', poolSize: 10 },
    session: { secret: parseSessionSecret('test-secret-that-is-at-least-32-characters-long'), secureCookies: false },
    limits: {
      maxActiveKeys: DEFAULT_MAX_ACTIVE_KEYS,
      keyRequestsPerSecond: 0,
      failedKeyAttemptsPerIpPerMinute: DEFAULT_FAILED_KEY_ATTEMPTS_PER_IP_PER_MINUTE,
      leakReportsPerIpPerHour: DEFAULT_LEAK_REPORTS_PER_IP_PER_HOUR,
      login: DEFAULT_LOGIN_LIMITS,
    },
    redis: { url: undefined },
    keys: {
      maxLifetimeDays: null,
      rotationQuietSeconds: DEFAULT_ROTATION_QUIET_SECONDS,
      rotationSweepIntervalMs: DEFAULT_ROTATION_SWEEP_INTERVAL_MS,
    },
    secretScanning: {},
    cache: { keys: 100_000, ttlMs: 60_000 },
    web: { distDir: DEFAULT_WEB_DIST, allowedOrigins: [] },
    audit: { retentionDays: DEFAULT_AUDIT_RETENTION_DAYS },
    log: { level: 'silent', requests: true },
  }
  const merged: Record<string, unknown> = { ...defaults }
  for (const [section, value] of Object.entries(overrides)) {
    const base = merged[section]
    merged[section] = typeof base === 'object' && base !== null ? { ...base, ...(value as object) } : value
  }
  return merged as unknown as ServerConfig
}

export interface TestServerOptions extends ServerConfigOverrides {
  /** An existing database to use (and not drop) instead of a fresh one. */
  databaseUrl?: string
  logger?: Logger
}

let userCounter = 0

/**
 * A real server on 127.0.0.1 and a random port, on a fresh database of the given target:
 * PGlite in a temporary directory, or a new database on TEST_DATABASE_URL's server.
 */
export async function startTestServer(
  target: TestDatabaseTarget,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { databaseUrl, logger = pino({ level: 'silent' }), ...overrides } = options
  const dataDir = mkdtempSync(join(tmpdir(), 'storra-test-'))
  let url = databaseUrl
  let drop: (() => Promise<void>) | undefined
  if (target.name === 'postgres' && !url) {
    const fresh = await target.createUrl!()
    url = fresh.url
    drop = fresh.drop
  }
  const config = testServerConfig({ ...overrides, database: { ...overrides.database, url, dataDir } })
  const running = await startServer(config, { logger })
  return {
    ...running,
    target: target.name,
    databaseUrl: url,
    dataDir,
    async createUser(input) {
      const password = input.password ?? 'correct horse battery staple'
      const email = input.email ?? `user${++userCounter}-${Date.now()}@example.com`
      const user = await createUser(running.services, { email, password, plan: input.plan ?? 'pro', role: input.role })
      return { ...user, password }
    },
    async dispose() {
      await running.close()
      await drop?.()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A cookie-keeping HTTP client for the dashboard API, as a browser or curl -b would be. */
export class DashboardRestClient {
  cookie = ''
  constructor(readonly baseUrl: string) {}

  /** fetch() that sends this client's cookie and keeps any cookie the answer sets (also for tRPC links). */
  readonly fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers)
    if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie)
    const res = await fetch(url, { ...init, headers })
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!
      this.cookie = pair.endsWith('=') ? '' : pair
    }
    return res
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  }

  async login(email: string, password: string): Promise<Response> {
    return this.request('POST', '/api/v1/dashboard/login', { email, password })
  }

  async createKey(label?: string): Promise<{ id: string; prefix: string; key: string; label: string }> {
    const res = await this.request('POST', '/api/v1/dashboard/users/me/api-keys', label === undefined ? {} : { label })
    if (res.status !== 200) throw new Error(`create key: ${res.status} ${await res.text()}`)
    return (await res.json()) as { id: string; prefix: string; key: string; label: string }
  }
}

/** A new account on the server and a client logged in as it (fails the test when login does not answer 200). */
export async function loggedInClient(
  server: TestServer,
  input: Partial<NewUser> & { plan?: 'free' | 'pro' } = {},
): Promise<{ client: DashboardRestClient; user: SessionUser & { password: string } }> {
  const user = await server.createUser({ plan: 'pro', ...input })
  const client = new DashboardRestClient(server.url)
  const res = await client.login(user.email, user.password)
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`)
  return { client, user }
}

export function callClientApi(baseUrl: string, key?: string, path = '/api/v1/client/users/me'): Promise<Response> {
  return fetch(baseUrl + path, { headers: key === undefined ? {} : { 'x-api-key': key } })
}

/** Response bodies in tests are checked field by field; `any` keeps those checks short. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readJson(res: Response): Promise<any> {
  return res.json()
}

/** A TCP port on 127.0.0.1 that was free a moment ago, for child processes that need one up front. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/**
 * A created key's fields in the order the API sends them: the published contract's six, then
 * issue 11's lifecycle fields, then issue 12's last-use detail. Listed here by hand, not derived
 * from the serializer, so the tests that compare against it check the order independently.
 */
export const CREATED_KEY_FIELDS: readonly string[] = [
  'id',
  'prefix',
  'label',
  'key',
  'created_at',
  'last_used',
  'expires_at',
  'ip_allowlist',
  'state',
  'replaced_by',
  'revoked_at',
  'revoked_reason',
  'last_used_ip',
  'last_used_user_agent',
]
