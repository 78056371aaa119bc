import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'
import { createUser, type NewUser, type SessionUser } from '@storra/api'
import { testDatabaseTargets, type TestDatabaseTarget } from '@storra/db/testing'
import { startServer, type RunningServer, type ServerConfig } from './server.ts'

export { testDatabaseTargets, type TestDatabaseTarget }

export interface TestServer extends RunningServer {
  target: TestDatabaseTarget['name']
  /** The database's connection string (real PostgreSQL) or data directory (PGlite). */
  databaseUrl?: string
  dataDir: string
  createUser(input: Partial<NewUser> & { plan?: 'free' | 'pro' }): Promise<SessionUser & { password: string }>
  /** Stops the server and deletes its database. */
  dispose(): Promise<void>
}

export function testServerConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    NODE_ENV: 'test',
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: undefined,
    dataDir: '',
    SESSION_SECRET: 'test-secret-that-is-at-least-32-characters-long',
    STORRA_SECURE_COOKIES: false,
    STORRA_TRUST_PROXY: undefined,
    STORRA_ALLOWED_ORIGINS: undefined,
    STORRA_MAX_ACTIVE_KEYS: 100,
    STORRA_KEY_CACHE_SIZE: 100_000,
    STORRA_KEY_CACHE_TTL_MS: 60_000,
    STORRA_KEY_RATE_LIMIT: 0,
    STORRA_DB_POOL_SIZE: 10,
    STORRA_WEB_DIST: undefined,
    LOG_LEVEL: 'silent',
    ...overrides,
  }
}

let userCounter = 0

/**
 * A real server on 127.0.0.1 and a random port, on a fresh database of the given target:
 * PGlite in a temporary directory, or a new database on TEST_DATABASE_URL's server.
 */
export async function startTestServer(
  target: TestDatabaseTarget,
  overrides: Partial<ServerConfig> & { databaseUrl?: string } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storra-test-'))
  let url = overrides.databaseUrl
  let drop: (() => Promise<void>) | undefined
  if (target.name === 'postgres' && !url) {
    const fresh = await target.createUrl!()
    url = fresh.url
    drop = fresh.drop
  }
  const logger: Logger = overrides.logger ?? pino({ level: 'silent' })
  const running = await startServer(testServerConfig({ ...overrides, logger, dataDir, DATABASE_URL: url }))
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
export class DashboardClient {
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
): Promise<{ client: DashboardClient; user: SessionUser & { password: string } }> {
  const user = await server.createUser({ plan: 'pro', ...input })
  const client = new DashboardClient(server.url)
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
