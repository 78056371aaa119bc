import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { sql } from 'drizzle-orm'
import { recordAuditEvent, runMaintenance, sweepQuietRotations } from '@storra/api'
import { auditEvents } from '@storra/db'
import type { AuditEvent } from '@storra/core'
import { describeEachDatabase } from '@storra/db/testing/suites'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { childEnv } from '../../src/testing/env.ts'
import { callClientApi, loggedInClient, readJson, startTestServer, type TestServer } from '../../src/testing.ts'
import { trpcMutation } from '../hardening/trpc-over-http.ts'

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 })

const LOG = '/api/v1/dashboard/users/me/audit-log'
const serverDir = fileURLToPath(new URL('../..', import.meta.url))

/** The real `storra` binary in its own process (the embedded database is reached through the server's socket). */
async function storra(args: string[], env: Record<string, string>): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/storra.mjs', ...args], {
    cwd: serverDir,
    env: childEnv({ INIT_CWD: serverDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }),
    timeout: 60_000,
  })
  return stdout.trimEnd().split('\n')
}
const UA = 'storra-audit-test/1.0'

describeEachDatabase('audit log over HTTP', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, { limits: { failedKeyAttemptsPerIpPerMinute: 0 } })
  })
  afterAll(() => server?.dispose())

  async function eventsOf(client: Awaited<ReturnType<typeof loggedInClient>>['client'], query = '') {
    const res = await client.request('GET', `${LOG}${query}`, undefined, { 'user-agent': UA })
    expect(res.status).toBe(200)
    return (await readJson(res)) as { events: AuditEvent[]; next_cursor: string | null }
  }

  it('records each event with its actor, IP and user agent, and nothing secret', async () => {
    const password = 'an audited password 123'
    const { client, user } = await loggedInClient(server, { password })
    // Every later request names this user agent; a long one is cut.
    const longUa = `${UA} ${'x'.repeat(1000)}`
    const headers = { 'user-agent': longUa }
    expect(
      (
        await client.request(
          'POST',
          '/api/v1/dashboard/login',
          { email: user.email, password: 'wrong guess 123456' },
          headers,
        )
      ).status,
    ).toBe(401)
    expect(
      (await client.request('POST', '/api/v1/dashboard/login', { email: user.email, password }, headers)).status,
    ).toBe(200)
    const created = await readJson(
      await client.request(
        'POST',
        '/api/v1/dashboard/users/me/api-keys',
        { label: 'audited', expires_at: null },
        headers,
      ),
    )
    const second = await readJson(
      await client.request(
        'POST',
        '/api/v1/dashboard/users/me/api-keys',
        { label: 'admin revokes', expires_at: null },
        headers,
      ),
    )
    expect(
      (await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${created.prefix}`, undefined, headers))
        .status,
    ).toBe(200)
    const newPassword = 'a brand new password 456'
    expect(
      (
        await client.request(
          'POST',
          '/api/v1/dashboard/users/me/password',
          { currentPassword: password, newPassword },
          headers,
        )
      ).status,
    ).toBe(200)

    // An admin changes the plan and revokes a key; the CLI changes the plan back.
    const { client: admin, user: adminUser } = await loggedInClient(server, { role: 'admin' })
    expect((await trpcMutation(admin, 'admin.setPlan', { userId: user.id, plan: 'free' })).status).toBe(200)
    expect((await trpcMutation(admin, 'admin.revokeKey', { userId: user.id, prefix: second.prefix })).status).toBe(200)
    const cliEnv: Record<string, string> = server.databaseUrl
      ? { DATABASE_URL: server.databaseUrl }
      : { STORRA_DATA_DIR: server.dataDir }
    expect(await storra(['users', 'set-plan', '--email', user.email, '--plan', 'pro'], cliEnv)).toEqual([
      `${user.email} is now on the pro plan.`,
    ])
    expect((await client.request('POST', '/api/v1/dashboard/logout-everywhere', undefined, headers)).status).toBe(200)

    const { client: again } = { client: client }
    expect((await again.login(user.email, newPassword)).status).toBe(200)
    const page = await eventsOf(again)
    const simplified = page.events.map((e) => [e.type, e.actor, e.key_prefix, e.details])
    expect(simplified).toEqual([
      ['session.login', 'user', null, {}],
      ['session.logout_everywhere', 'user', null, {}],
      ['user.plan_changed', 'cli', null, { from: 'free', to: 'pro' }],
      ['api_key.revoked', 'admin', second.prefix, { reason: 'admin' }],
      ['user.plan_changed', 'admin', null, { from: 'pro', to: 'free' }],
      ['user.password_changed', 'user', null, {}],
      ['api_key.revoked', 'user', created.prefix, { reason: 'user' }],
      ['api_key.created', 'user', second.prefix, { label: 'admin revokes', expires_at: null }],
      ['api_key.created', 'user', created.prefix, { label: 'audited', expires_at: null }],
      ['session.login', 'user', null, {}],
      ['session.login_failed', 'user', null, {}],
      ['session.login', 'user', null, {}],
    ])
    for (const e of page.events) {
      expect(Object.keys(e)).toEqual(['id', 'type', 'actor', 'key_prefix', 'ip', 'user_agent', 'created_at', 'details'])
      if (e.actor === 'cli') {
        expect([e.ip, e.user_agent]).toEqual([null, null])
      } else {
        expect(e.ip).toBe('127.0.0.1')
      }
    }
    const byUs = page.events.filter((e) => e.user_agent?.startsWith(UA))
    expect(byUs.length).toBeGreaterThanOrEqual(6)
    for (const e of byUs.filter((e) => e.user_agent !== UA)) expect(e.user_agent).toHaveLength(256)
    // The admin's actions name the admin.
    const adminRows = await server.services.database.db
      .select({ actorUserId: auditEvents.actorUserId })
      .from(auditEvents)
      .where(sql`${auditEvents.actor} = 'admin' and ${auditEvents.userId} = ${user.id}`)
    expect(adminRows.map((r) => r.actorUserId)).toEqual([adminUser.id, adminUser.id])

    // Nothing secret anywhere in the table.
    const everything = JSON.stringify(await server.services.database.db.select().from(auditEvents))
    for (const secret of [
      created.key,
      second.key,
      password,
      newPassword,
      'wrong guess 123456',
      client.cookie.split('=')[1]!,
    ])
      expect(everything).not.toContain(secret)
    expect(everything).not.toMatch(/[0-9a-f]{64}/) // no key hash
    // The CLI prints the same log.
    const out = await storra(['audit', '--email', user.email, '--limit', '3'], cliEnv)
    expect(out[0]).toMatch(/^TIME\s+EVENT/)
    expect(out.slice(1).map((line) => line.split('  ')[1])).toEqual([
      'session.login',
      'session.logout_everywhere',
      'user.plan_changed',
    ])
  })

  it('records edits, rotations and every revocation reason, the sweep as the system', async () => {
    const { client } = await loggedInClient(server)
    const edited = await client.createKey('before')
    expect(
      (
        await client.request('PATCH', `/api/v1/dashboard/users/me/api-keys/${edited.prefix}`, {
          label: 'after',
          ip_allowlist: ['10.0.0.0/8'],
        })
      ).status,
    ).toBe(200)
    const rotated = await readJson(
      await client.request('POST', `/api/v1/dashboard/users/me/api-keys/${edited.prefix}/rotate`, {
        grace_period_seconds: 0,
      }),
    )
    const quiet = await client.createKey('quiet')
    const replacement = await readJson(
      await client.request('POST', `/api/v1/dashboard/users/me/api-keys/${quiet.prefix}/rotate`, {
        grace_period_seconds: 3600,
      }),
    )
    expect((await callClientApi(server.url, replacement.key)).status).toBe(200)
    expect(await sweepQuietRotations(server.services, Date.now() + 1_000_000)).toBe(1)

    const events = (await eventsOf(client)).events
    const simplified = events.slice(0, 6).map((e) => [e.type, e.actor, e.key_prefix, e.details])
    expect(simplified).toEqual([
      ['api_key.revoked', 'system', quiet.prefix, { reason: 'rotation_quiet' }],
      ['api_key.rotated', 'user', quiet.prefix, { replaced_by: replacement.prefix, grace_period_seconds: 3600 }],
      ['api_key.created', 'user', quiet.prefix, { label: 'quiet', expires_at: null }],
      ['api_key.revoked', 'user', edited.prefix, { reason: 'rotation' }],
      ['api_key.rotated', 'user', edited.prefix, { replaced_by: rotated.prefix, grace_period_seconds: 0 }],
      ['api_key.updated', 'user', edited.prefix, { label: 'after', ip_allowlist: ['10.0.0.0/8'] }],
    ])
  })

  it('pages newest first without repeats or gaps while events are being written', async () => {
    const { client, user } = await loggedInClient(server)
    const writeOne = (i: number) =>
      recordAuditEvent(server.services.database.db, {
        type: 'api_key.updated',
        userId: user.id,
        details: { i },
        meta: { actor: 'system' },
      })
    for (let i = 0; i < 40; i++) await writeOne(i)
    const before = (await eventsOf(client, '?limit=200')).events.map((e) => e.id)
    expect(before).toHaveLength(41) // and the login

    let writing = true
    const writer = (async () => {
      // Yielding to I/O each time: the embedded database answers without one.
      for (let i = 100; writing; i++) {
        await writeOne(i)
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    try {
      do {
        const page = await eventsOf(client, `?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        if (pages === 0) await writeOne(999) // certainly one event written between pages
        seen.push(...page.events.map((e) => e.id))
        cursor = page.next_cursor
        pages++
      } while (cursor)
    } finally {
      writing = false
      await writer
    }
    expect(new Set(seen).size).toBe(seen.length)
    // Every event that existed when paging began is there, in the same order.
    expect(seen.filter((id) => before.includes(id))).toEqual(before)
    expect(pages).toBeGreaterThanOrEqual(6)
  })

  it('filters by key and refuses bad parameters with a 400 naming them', async () => {
    const { client } = await loggedInClient(server)
    const key = await client.createKey('filtered')
    await client.createKey('other')
    const filtered = await eventsOf(client, `?prefix=${key.prefix}`)
    expect(filtered.events.map((e) => [e.type, e.key_prefix])).toEqual([['api_key.created', key.prefix]])
    expect(filtered.next_cursor).toBeNull()
    // Another account's log is not reachable through the prefix.
    const { client: stranger } = await loggedInClient(server)
    expect((await eventsOf(stranger, `?prefix=${key.prefix}`)).events).toEqual([])

    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=abc', 'limit'],
      ['?limit=201', 'limit'],
      ['?limit=1&limit=2', 'limit'],
      ['?cursor=nonsense', 'cursor'],
      [`?cursor=${'x'.repeat(200)}`, 'cursor'],
    ] as const) {
      const res = await client.request('GET', `${LOG}${query}`)
      expect(res.status, query).toBe(400)
      const body = await readJson(res)
      expect(Object.keys(body), query).toEqual(['error'])
      expect(body.error, query).toContain(field)
    }
    expect((await client.request('POST', LOG)).status).toBe(405)
    expect((await callClientApi(server.url, undefined, LOG)).status).toBe(401)
  })

  it('lets an admin read every account’s events, and nobody else', async () => {
    const { client: admin } = await loggedInClient(server, { role: 'admin' })
    const { client, user } = await loggedInClient(server)
    await client.createKey('seen by admin')
    const res = await admin.request(
      'GET',
      `/api/v1/dashboard/trpc/admin.auditLog?input=${encodeURIComponent(JSON.stringify({ userId: user.id }))}`,
    )
    expect(res.status).toBe(200)
    const body = await readJson(res)
    expect(body.result.data.events.map((e: AuditEvent) => e.type)).toEqual(['api_key.created', 'session.login'])
    const all = await readJson(await admin.request('GET', '/api/v1/dashboard/trpc/admin.auditLog'))
    expect(all.result.data.events.length).toBeGreaterThan(2)
    expect((await client.request('GET', '/api/v1/dashboard/trpc/admin.auditLog')).status).toBe(403)
  })

  it('purges events past the retention, driven with explicit times', async () => {
    const { client, user } = await loggedInClient(server)
    const now = new Date()
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000)
    await server.services.database.db.insert(auditEvents).values([
      { userId: user.id, type: 'api_key.updated', actor: 'system', createdAt: at(400), details: { age: 400 } },
      { userId: user.id, type: 'api_key.updated', actor: 'system', createdAt: at(40), details: { age: 40 } },
      { userId: user.id, type: 'api_key.updated', actor: 'system', createdAt: at(10), details: { age: 10 } },
    ])
    await runMaintenance(server.services, { auditRetentionDays: 365 }, now)
    const ages = async () =>
      (await eventsOf(client)).events.filter((e) => e.type === 'api_key.updated').map((e) => e.details.age)
    expect(await ages()).toEqual([10, 40])
    const result = await runMaintenance(server.services, { auditRetentionDays: 30 }, now)
    expect(result.auditPurged).toBeGreaterThanOrEqual(1)
    expect(await ages()).toEqual([10])
  })
})
