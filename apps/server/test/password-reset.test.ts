import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issuePasswordResetLink } from '@storra/api'
import { DASHBOARD_MESSAGES, RESET_REQUESTS_PER_EMAIL } from '@storra/core'
import { passwordResetTokens } from '@storra/db'
import { describeEachDatabase } from '@storra/db/testing/suites'
import {
  DashboardRestClient,
  loggedInClient,
  readJson,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../src/testing.ts'
import { resetLinkIn, SmtpInbox } from '../src/testing/smtp-inbox.ts'

const REQUEST = '/api/v1/dashboard/password-reset/request'
const RESET = '/api/v1/dashboard/password-reset'
const ME = '/api/v1/dashboard/users/me'

const tokenOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token')!

async function post(server: TestServer, path: string, body: unknown): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

describeEachDatabase('password recovery', (target) => {
  let inbox: SmtpInbox
  let server: TestServer

  beforeAll(async () => {
    inbox = await new SmtpInbox().start()
    server = await startTestServer(target, { mail: { url: inbox.url, from: 'Storra <no-reply@example.com>' } })
  })
  afterAll(async () => {
    await server?.dispose()
    await inbox?.stop()
  })

  it('mails a one-time link: it sets the password, ends every session, and works once', async () => {
    const { client, user } = await loggedInClient(server, { plan: 'free' })
    const other = new DashboardRestClient(server.url)
    expect((await other.login(user.email, user.password)).status).toBe(200)

    const options = await fetch(`${server.url}/api/v1/dashboard/trpc/auth.recoveryOptions`)
    expect((await readJson(options)).result.data).toEqual({ email_reset: true })

    const asked = await post(server, REQUEST, { email: user.email.toUpperCase() })
    expect(asked.status).toBe(200)
    expect(await readJson(asked)).toEqual({ ok: true })
    const mail = await inbox.waitFor(user.email)
    expect(mail.raw).toMatch(/^Subject: Reset your Storra Cloud password/m)
    const link = resetLinkIn(mail)
    expect(link.startsWith(`${server.url}/dashboard/reset-password#token=`)).toBe(true)

    // A password the rules refuse does not use the link up.
    const short = await post(server, RESET, { token: tokenOf(link), password: 'short' })
    expect(short.status).toBe(400)
    expect(await readJson(short)).toEqual({ error: DASHBOARD_MESSAGES.passwordTooShort })

    const done = await post(server, RESET, { token: tokenOf(link), password: 'recovered password 1' })
    expect(done.status).toBe(200)
    expect(await readJson(done)).toEqual({ ok: true })
    for (const session of [client, other]) expect((await session.request('GET', ME)).status).toBe(401)
    expect((await new DashboardRestClient(server.url).login(user.email, user.password)).status).toBe(401)
    expect((await new DashboardRestClient(server.url).login(user.email, 'recovered password 1')).status).toBe(200)

    const again = await post(server, RESET, { token: tokenOf(link), password: 'recovered password 2' })
    expect(again.status).toBe(400)
    expect(await readJson(again)).toEqual({ error: DASHBOARD_MESSAGES.invalidResetLink })
  })

  it('answers the same for an unknown email and mails nobody', async () => {
    const { user } = await loggedInClient(server, { plan: 'free' })
    const unknown = await post(server, REQUEST, { email: `nobody-${Date.now()}@example.com` })
    const known = await post(server, REQUEST, { email: user.email })
    expect([unknown.status, known.status]).toEqual([200, 200])
    expect(await readJson(unknown)).toEqual(await readJson(known))
    // The known account's mail arrives; nothing was sent for the other (mails go out in order).
    await inbox.waitFor(user.email)
    expect(inbox.mails.filter((m) => m.to.some((to) => to.startsWith('nobody-')))).toEqual([])
  })

  it('refuses expired, unknown and malformed tokens with one sentence', async () => {
    const user = await server.createUser({ plan: 'free' })
    const expired = await issuePasswordResetLink(
      server.services,
      { userId: user.id },
      new Date(Date.now() - 2 * 60 * 60 * 1000),
    )
    for (const token of [tokenOf(expired.url), 'not-a-token', 'x'.repeat(43)]) {
      const res = await post(server, RESET, { token, password: 'long enough password' })
      expect(res.status).toBe(400)
      expect(await readJson(res)).toEqual({ error: DASHBOARD_MESSAGES.invalidResetLink })
    }
    expect((await post(server, RESET, { token: 5 })).status).toBe(400)
    // A newer link replaces an older one.
    const first = await issuePasswordResetLink(server.services, { userId: user.id })
    // At rest there is only the token's SHA-256.
    const rows = await server.services.database.db
      .select()
      .from(passwordResetTokens)
      .where(eq(passwordResetTokens.userId, user.id))
    expect(rows.map((row) => row.tokenHash)).toEqual([createHash('sha256').update(tokenOf(first.url)).digest('hex')])
    expect(JSON.stringify(rows)).not.toContain(tokenOf(first.url))
    const second = await issuePasswordResetLink(server.services, { userId: user.id })
    expect((await post(server, RESET, { token: tokenOf(first.url), password: 'long enough password' })).status).toBe(
      400,
    )
    expect((await post(server, RESET, { token: tokenOf(second.url), password: 'long enough password' })).status).toBe(
      200,
    )
  })

  it('throttles requests per email', async () => {
    const email = `throttled-${Date.now()}@example.com`
    for (let i = 0; i < RESET_REQUESTS_PER_EMAIL; i++) expect((await post(server, REQUEST, { email })).status).toBe(200)
    const refused = await post(server, REQUEST, { email })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await readJson(refused)).toEqual({ error: DASHBOARD_MESSAGES.tooManyResetRequests })
  })

  it('lets an admin issue a link from the console, and refuses it to others', async () => {
    const { client: admin } = await loggedInClient(server, { role: 'admin' })
    const { client: plain, user } = await loggedInClient(server, { plan: 'free' })
    const call = (client: DashboardRestClient, body: unknown) =>
      client.request('POST', '/api/v1/dashboard/trpc/admin.resetLink', body)
    expect((await call(plain, { userId: user.id })).status).toBe(403)
    const res = await call(admin, { userId: user.id })
    expect(res.status).toBe(200)
    const link = (await readJson(res)).result.data
    expect(link.email).toBe(user.email)
    expect(Date.parse(link.expires_at) - Date.now()).toBeGreaterThan(59 * 60 * 1000)
    expect((await post(server, RESET, { token: tokenOf(link.url), password: 'set by a link' + '!!!' })).status).toBe(
      200,
    )
  })
})

describe('password recovery without SMTP', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(testDatabaseTargets()[0]!)
  })
  afterAll(() => server?.dispose())

  it('offers no "Forgot password?" and says to ask an admin', async () => {
    const options = await fetch(`${server.url}/api/v1/dashboard/trpc/auth.recoveryOptions`)
    expect((await readJson(options)).result.data).toEqual({ email_reset: false })
    const res = await post(server, REQUEST, { email: 'someone@example.com' })
    expect(res.status).toBe(404)
    expect(await readJson(res)).toEqual({ error: DASHBOARD_MESSAGES.passwordRecoveryOff })
  })
})
