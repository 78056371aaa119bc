import { randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_MESSAGES } from '@storra/core'
import {
  DashboardRestClient,
  loggedInClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
  readJson,
} from '../../src/testing.ts'
import { captureLogs } from '../hardening/log-capture.ts'
import { trpcMutation } from '../hardening/trpc-over-http.ts'

// Issue 17.2: with STORRA_TRUST_PROXY on, the last X-Forwarded-For hop became the throttle's
// primary key as sent; 3,000 characters broke PostgreSQL's index (500) and the error line
// logged the SQL with the email. Client values that become keys are parsed first (an IP must
// be an IP, else the socket address counts), and SQL errors are logged without SQL or values.
const LIMITS = { failuresPerEmail: 1000, failuresPerIp: 5, windowSeconds: 60 }
// Random, so PostgreSQL cannot compress the key under its index row limit (2,704 bytes).
const LONG_HOP = `203.0.113.7, ${randomBytes(1500).toString('hex')}`
const EMAIL = 'nobody-17-2@example.com'

describe.each(testDatabaseTargets())('client-controlled values that become keys ($name)', (target) => {
  let server: TestServer
  let lines: string[]
  beforeAll(async () => {
    const capture = captureLogs()
    lines = capture.lines
    server = await startTestServer(target, {
      http: { trustProxy: 'loopback' },
      limits: { login: LIMITS },
      logger: capture.logger,
    })
  })
  afterAll(() => server?.dispose())

  it('answers failed logins with a 3,000-character last hop normally (REST, tRPC, password change)', async () => {
    const rest = await new DashboardRestClient(server.url).request(
      'POST',
      '/api/v1/dashboard/login',
      { email: EMAIL, password: 'x' },
      { 'x-forwarded-for': LONG_HOP },
    )
    expect(rest.status).toBe(401)
    expect(await readJson(rest)).toEqual({ error: DASHBOARD_MESSAGES.invalidCredentials })
    const trpc = await trpcMutation(
      new DashboardRestClient(server.url),
      'auth.login',
      { email: EMAIL, password: 'x' },
      { 'x-forwarded-for': LONG_HOP },
    )
    expect(trpc.status).toBe(401)
    const { client } = await loggedInClient(server)
    const change = await client.request(
      'POST',
      '/api/v1/dashboard/users/me/password',
      { currentPassword: 'wrong current password', newPassword: 'a new long password' },
      { 'x-forwarded-for': LONG_HOP },
    )
    expect(change.status).toBe(403)
    expect(lines.join('\n')).not.toContain(EMAIL)
    expect(lines.filter((l) => JSON.parse(l).level >= 50)).toEqual([])
  })

  it('counts every hop that is not an IP as the socket address, so junk cannot mint fresh keys', async () => {
    // A server of its own: the socket address's count starts at zero.
    const fresh = await startTestServer(target, { http: { trustProxy: 'loopback' }, limits: { login: LIMITS } })
    try {
      const junk = [
        'not-an-ip',
        '1.2.3.4.5',
        '0x7f.1',
        'x'.repeat(500),
        '::ffff:zzzz',
        '999.1.1.1',
        'fe80::1%' + 'e'.repeat(300),
      ]
      const statuses: number[] = []
      for (const hop of junk) {
        const res = await new DashboardRestClient(fresh.url).request(
          'POST',
          '/api/v1/dashboard/login',
          { email: `junk-${statuses.length}@example.com`, password: 'x' },
          { 'x-forwarded-for': hop },
        )
        statuses.push(res.status)
      }
      // All from one socket address: the first five fail, the rest are throttled as one client.
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429])
    } finally {
      await fresh.dispose()
    }
  })

  it('treats an IPv4 address and its IPv4-mapped IPv6 form as one client', async () => {
    const statuses: number[] = []
    for (let i = 0; i < LIMITS.failuresPerIp + 1; i++) {
      const hop = i % 2 === 0 ? '198.51.100.77' : '::ffff:198.51.100.77'
      statuses.push(
        (
          await new DashboardRestClient(server.url).request(
            'POST',
            '/api/v1/dashboard/login',
            { email: `mapped-${i}@example.com`, password: 'x' },
            { 'x-forwarded-for': hop },
          )
        ).status,
      )
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  it('logs a failed query without its statement or parameters', async () => {
    const capture = captureLogs()
    const secret = 'leaky-parameter@example.com'
    // A real failing statement on this database: a NUL byte in text (PostgreSQL refuses it).
    const error = await server.services.database.db
      .execute(sql`select ${secret}::text || ${'\u0000'}::text as x, ${secret}::int as y`)
      .then(
        () => undefined,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(Error)
    capture.logger.error({ err: error }, 'query failed')
    capture.logger.error({ err: new Error('wrapped', { cause: error }) }, 'wrapped query failed')
    capture.logger.flush()
    const logged = capture.lines.join('\n')
    expect(logged).not.toContain(secret)
    expect(logged).not.toMatch(/select /i)
    expect(capture.lines).toHaveLength(2)
  })
})
