import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { auditEvents } from '@storra/db'
import { hashApiKey, type AuditEvent, type AuditLogPage } from '@storra/core'
import { describeEachDatabase } from '@storra/db/testing/suites'
import { childEnv } from '../../src/testing/env.ts'
import {
  callClientApi,
  loggedInClient,
  readJson,
  startTestServer,
  type DashboardRestClient,
  type TestServer,
} from '../../src/testing.ts'
import { StripeStandIn } from '../../src/testing/stripe-stand-in.ts'
import { trpcMutation, trpcQuery } from '../hardening/trpc-over-http.ts'

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 })

const LOG = '/api/v1/dashboard/users/me/audit-log'
const RESET = '/api/v1/dashboard/password-reset'
const WEBHOOK = '/api/v1/billing/stripe/webhook'
const UA = 'storra-account-audit/1.0'
const serverDir = fileURLToPath(new URL('../..', import.meta.url))

/** The real `storra` binary in its own process. */
async function storra(args: string[], env: Record<string, string>): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['bin/storra.mjs', ...args], {
    cwd: serverDir,
    env: childEnv({ INIT_CWD: serverDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }),
    timeout: 60_000,
  })
  return stdout.trimEnd().split('\n')
}

async function eventsOf(client: DashboardRestClient): Promise<AuditEvent[]> {
  const res = await client.request('GET', LOG)
  expect(res.status).toBe(200)
  return ((await readJson(res)) as AuditLogPage).events
}

const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, '')
/** The session cookie's value (what a thief would replay). */
const cookieValue = (client: DashboardRestClient) => client.cookie.slice(client.cookie.indexOf('=') + 1)

/**
 * Issue 14's account flows (Stripe webhook, password reset, operator role changes and deletes)
 * write their audit events with the right actor, and nothing secret reaches audit_events.
 */
describeEachDatabase('audit events of account flows', (target) => {
  let stripe: StripeStandIn
  let server: TestServer
  let cliEnv: Record<string, string>
  /** Every secret the tests handled: none may appear anywhere in audit_events. */
  const secrets: string[] = []

  beforeAll(async () => {
    stripe = await new StripeStandIn().start()
    secrets.push(stripe.settings().webhookSecret)
    server = await startTestServer(target, { stripe: stripe.settings() })
    cliEnv = server.databaseUrl ? { DATABASE_URL: server.databaseUrl } : { STORRA_DATA_DIR: server.dataDir }
  })
  afterAll(async () => {
    await server?.dispose()
    await stripe?.stop()
  })

  /** Checks every stored audit row (raw, all columns) against `secrets`; returns the row count. */
  async function assertNoSecretsStored(): Promise<number> {
    const rows = await server.services.database.db.select().from(auditEvents)
    const stored = JSON.stringify(rows)
    for (const secret of secrets.filter((s) => s.length >= 8)) expect(stored).not.toContain(secret)
    // Nothing that looks like a key or a 64-hex hash either.
    expect(stored).not.toMatch(/sk_[0-9A-Za-z]{20,}/)
    expect(stored).not.toMatch(/[0-9a-f]{64}/)
    return rows.length
  }

  it('records a Stripe upgrade as a system plan change naming the event, once per event', async () => {
    const { client, user } = await loggedInClient(server, { plan: 'free' })
    secrets.push(user.password, cookieValue(client))
    const checkout = (await readJson(await client.request('POST', '/api/v1/dashboard/billing/checkout'))) as {
      url: string
    }
    const event = stripe.completeCheckout(checkout.url)
    expect((await StripeStandIn.deliver(server.url + WEBHOOK, event)).status).toBe(200)
    expect((await StripeStandIn.deliver(server.url + WEBHOOK, event)).status).toBe(200)
    const changes = (await eventsOf(client)).filter((e) => e.type === 'user.plan_changed')
    expect(changes).toEqual([
      expect.objectContaining({
        actor: 'system',
        ip: null,
        details: { from: 'free', to: 'pro', stripe_event_id: event.id },
      }),
    ])
  })

  it('records role changes, reset links and a reset with their actors; deletion stays in the operators’ log', async () => {
    const { client: admin, user: adminUser } = await loggedInClient(server, { role: 'admin' })
    const { client, user } = await loggedInClient(server)
    const key = await client.createKey('deleted with its account')
    secrets.push(
      adminUser.password,
      cookieValue(admin),
      user.password,
      cookieValue(client),
      key.key,
      hashApiKey(key.key),
    )

    expect((await trpcMutation(admin, 'admin.setRole', { userId: user.id, role: 'admin' })).status).toBe(200)
    expect(await storra(['users', 'set-role', '--email', user.email, '--role', 'user'], cliEnv)).toEqual([
      `${user.email} now has the user role.`,
    ])
    const adminLink = await readJson(await trpcMutation(admin, 'admin.resetLink', { userId: user.id }))
    const cliLink = (await storra(['users', 'reset-password', '--email', user.email], cliEnv))[1]!
    const token = tokenOf(cliLink)
    secrets.push(adminLink.result.data.url, tokenOf(adminLink.result.data.url), cliLink, token)
    const newPassword = 'reset by link 123456'
    secrets.push(newPassword)
    const reset = await client.request('POST', RESET, { token, password: newPassword }, { 'user-agent': UA })
    expect(reset.status).toBe(200)

    expect((await client.login(user.email, newPassword)).status).toBe(200)
    secrets.push(cookieValue(client))
    const events = (await eventsOf(client)).filter((e) => e.type.startsWith('user.'))
    expect(events.map((e) => [e.type, e.actor, e.details])).toEqual([
      ['user.password_changed', 'user', { via: 'reset_link' }],
      ['user.password_reset_issued', 'cli', { expires_at: expect.any(String) }],
      ['user.password_reset_issued', 'admin', { expires_at: expect.any(String) }],
      ['user.role_changed', 'cli', { from: 'admin', to: 'user' }],
      ['user.role_changed', 'admin', { from: 'user', to: 'admin' }],
    ])
    expect(events[0]!.user_agent).toBe(UA)

    expect(await assertNoSecretsStored()).toBeGreaterThan(8)
    const deleted = await trpcMutation(admin, 'admin.deleteUser', { userId: user.id })
    expect((await readJson(deleted)).result.data).toEqual({ email: user.email, revoked_keys: 1 })
    const log = (await readJson(await trpcQuery(admin, 'admin.auditLog', { limit: 20 }))).result.data as AuditLogPage
    expect(log.events[0]).toMatchObject({
      type: 'user.deleted',
      actor: 'admin',
      details: { user_id: user.id, email: user.email, revoked_keys: 1 },
    })
  })

  it('deletes an account while its owner revokes its keys: all or nothing, never a partial delete', async () => {
    const { client: admin } = await loggedInClient(server, { role: 'admin' })
    const { client, user } = await loggedInClient(server)
    const keys = []
    for (let i = 0; i < 5; i++) keys.push(await client.createKey(`racing ${i}`))
    for (const key of keys) expect((await callClientApi(server.url, key.key)).status).toBe(200)

    const [deleted, ...revokes] = await Promise.all([
      trpcMutation(admin, 'admin.deleteUser', { userId: user.id }),
      ...keys.map((key) => client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${key.prefix}`)),
    ])
    expect(deleted.status, await deleted.clone().text()).toBe(200)
    const revokedByDelete = ((await readJson(deleted)).result.data as { revoked_keys: number }).revoked_keys
    const revokedByOwner = revokes.filter((res) => res.status === 200).length
    // Each key was revoked exactly once, by one or the other; every refusal is a clean 401/404.
    expect(revokedByDelete + revokedByOwner).toBe(keys.length)
    for (const res of revokes) expect([200, 401, 404]).toContain(res.status)
    for (const key of keys) expect((await callClientApi(server.url, key.key)).status).toBe(401)
    expect((await client.login(user.email, user.password)).status).toBe(401)
  })

  it('never stores a key, hash, password, token or cookie in an audit event', async () => {
    // The deleted account's events went with it (checked before the delete above); the rest stay.
    expect(await assertNoSecretsStored()).toBeGreaterThanOrEqual(3)
  })
})
