import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest'
import { endAllSessions } from '@storra/api'
import { callClientApi, startTestServer, testDatabaseTargets, type TestServer } from '@storra/server/testing'
import { DEFAULT_SERVER_URL } from '../src/shared/desktop-api.ts'
import { createAesGcmEncryption } from './support/aes-gcm-encryption.ts'
import { readStateFile, startTestMain } from './support/desktop-test-main.ts'
import { TcpProxy } from './support/tcp-proxy.ts'
import { temporaryDirectory } from './support/temporary-directory.ts'

describe.each(testDatabaseTargets())('desktop main process against a real server on $name', (target) => {
  let server: TestServer
  let userData: ReturnType<typeof temporaryDirectory>
  const encryption = createAesGcmEncryption()

  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.dispose())
  beforeEach(() => {
    userData = temporaryDirectory()
  })
  afterEach(() => userData.remove())

  async function signedIn(plan: 'pro' | 'free' = 'pro', role: 'user' | 'admin' = 'user') {
    const user = await server.createUser({ plan, role })
    const main = await startTestMain(userData.path, encryption)
    const login = await main.handlers['session:login']({
      serverUrl: server.url,
      email: user.email,
      password: user.password,
    })
    expect(login.ok).toBe(true)
    return { user, main }
  }

  it('signs in, keeps the session encrypted on disk, and a restarted app resumes it', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const first = await startTestMain(userData.path, encryption)
    expect(await first.handlers['session:restore'](undefined)).toEqual({
      ok: true,
      value: { status: 'signed-out', expired: false, serverUrl: DEFAULT_SERVER_URL, persistence: 'encrypted' },
    })

    // A pasted dashboard link is reduced to the server's origin.
    const login = await first.handlers['session:login']({
      serverUrl: `${server.url}/dashboard/settings`,
      email: user.email.toUpperCase(),
      password: user.password,
    })
    const { password: _password, ...sessionUser } = user
    expect(login).toEqual({ ok: true, value: { user: sessionUser, serverUrl: server.url } })

    const state = readStateFile(first)
    expect(state.serverUrl).toBe(server.url)
    expect(state.session).toEqual(expect.any(String))
    const decrypted = JSON.parse(encryption.decrypt(Buffer.from(state.session!, 'base64')))
    expect(decrypted.cookies.map((cookie: { name: string }) => cookie.name)).toEqual(['storra_session'])
    expect(JSON.stringify(state)).not.toContain(decrypted.cookies[0].value)

    // A new app instance, reading only the file.
    const restarted = await startTestMain(userData.path, encryption)
    expect(await restarted.handlers['session:restore'](undefined)).toEqual({
      ok: true,
      value: { status: 'signed-in', user: sessionUser, serverUrl: server.url, persistence: 'encrypted' },
    })
    expect(await restarted.api.call('apiKeys.list')).toEqual({ ok: true, value: [] })

    // Without the key (another OS account, a reset keychain) the session is gone, the server remembered.
    const otherKeychain = await startTestMain(userData.path, createAesGcmEncryption())
    const restored = await otherKeychain.handlers['session:restore'](undefined)
    expect(restored).toMatchObject({ ok: true, value: { status: 'signed-out', expired: false, serverUrl: server.url } })
    expect(otherKeychain.requests).toEqual([])
  })

  it('runs the key lifecycle through the allowlist: policy, create with expiry and allowlist, edit, rotate, list all', async () => {
    const { main } = await signedIn()
    const policy = await main.api.call('apiKeys.policy')
    expect(policy).toMatchObject({ ok: true, value: { expiry_presets_days: [7, 30, 60, 90] } })

    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString()
    const created = await main.api.call('apiKeys.create', {
      label: 'Lifecycle',
      expires_at: expiresAt,
      ip_allowlist: ['127.0.0.1'],
    })
    if (!created.ok) throw new Error(created.error.message)
    expect(created.value).toMatchObject({ ip_allowlist: ['127.0.0.1'], state: 'active' })
    expect(new Date(created.value.expires_at!).getTime()).toBe(new Date(expiresAt).getTime())

    const edited = await main.api.call('apiKeys.update', { prefix: created.value.prefix, label: 'Edited' })
    expect(edited).toMatchObject({ ok: true, value: { label: 'Edited', prefix: created.value.prefix } })
    expect(
      await main.api.call('apiKeys.update', { prefix: created.value.prefix, ip_allowlist: ['300.0.0.1'] }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('ip_allowlist') },
    })

    const rotated = await main.api.call('apiKeys.rotate', { prefix: created.value.prefix, grace_period_seconds: 0 })
    if (!rotated.ok) throw new Error(rotated.error.message)
    expect(rotated.value).toMatchObject({ label: 'Edited', ip_allowlist: ['127.0.0.1'] })
    expect((await callClientApi(server.url, created.value.key)).status).toBe(401)

    const all = await main.api.call('apiKeys.list', { state: 'all' })
    if (!all.ok) throw new Error(all.error.message)
    expect(all.value.find((key) => key.prefix === created.value.prefix)).toMatchObject({
      state: 'revoked',
      revoked_reason: 'rotation',
      replaced_by: rotated.value.prefix,
    })
    const live = await main.api.call('apiKeys.list')
    expect(live.ok && live.value.map((key) => key.prefix)).toEqual([rotated.value.prefix])
  })

  it('lists, creates and revokes keys, and the created key really works until revoked', async () => {
    const { main } = await signedIn()
    const created = await main.api.call('apiKeys.create', { label: 'CI pipeline' })
    if (!created.ok) throw new Error(created.error.message)
    expect(created.value).toMatchObject({ label: 'CI pipeline', last_used: null })
    expect(created.value.key).toMatch(/^sk_[0-9A-Za-z]{38}$/)
    expect(created.value.prefix).toBe(created.value.key.slice(0, 11))
    const untitled = await main.api.call('apiKeys.create', {})
    expect(untitled).toMatchObject({ ok: true, value: { label: 'Untitled key' } })

    const listed = await main.api.call('apiKeys.list')
    if (!listed.ok) throw new Error(listed.error.message)
    expect(listed.value.map((key) => key.label)).toEqual(['Untitled key', 'CI pipeline'])
    expect(JSON.stringify(listed.value)).not.toContain(created.value.key)
    expect((await callClientApi(server.url, created.value.key)).status).toBe(200)

    expect(await main.api.call('apiKeys.revoke', { prefix: created.value.prefix })).toEqual({
      ok: true,
      value: { revoked: true },
    })
    expect((await callClientApi(server.url, created.value.key)).status).toBe(401)
    const after = await main.api.call('apiKeys.list')
    expect(after.ok && after.value.map((key) => key.prefix)).toEqual([untitled.ok && untitled.value.prefix])
    expect(await main.api.call('apiKeys.revoke', { prefix: created.value.prefix })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'API key not found.' },
    })
  })

  it('lists the keys a public leak report revoked, for the owner’s banner', async () => {
    const { main } = await signedIn()
    const created = await main.api.call('apiKeys.create', { label: 'Production' })
    if (!created.ok) throw new Error(created.error.message)
    expect(await main.api.call('apiKeys.leakRevocations')).toEqual({ ok: true, value: [] })
    const report = await fetch(`${server.url}/api/v1/public/credentials/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: [created.value.key] }),
    })
    expect(report.status).toBe(202)
    expect(await main.api.call('apiKeys.leakRevocations')).toEqual({
      ok: true,
      value: [
        { id: created.value.id, prefix: created.value.prefix, label: 'Production', revoked_at: expect.any(String) },
      ],
    })
  })

  it('tells a free account that creating keys needs Cloud Pro, and rejects bad labels with the server’s reason', async () => {
    const { main } = await signedIn('free')
    expect(await main.api.call('apiKeys.create', { label: 'nope' })).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Creating API keys requires the Cloud Pro plan. Upgrade at /dashboard/settings.',
      },
    })
    const pro = await signedIn('pro')
    expect(await pro.main.api.call('apiKeys.create', { label: 'x'.repeat(101) })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'label must be at most 100 characters' },
    })
  })

  it('notices a session ended by another instance signing out, and forgets it', async () => {
    const { main: first } = await signedIn()
    // A second instance sharing the stored session signs out: the server ends that session.
    const second = await startTestMain(userData.path, encryption)
    expect(await second.handlers['session:logout'](undefined)).toEqual({ ok: true, value: { ok: true } })

    expect(await first.api.call('apiKeys.list')).toEqual({
      ok: false,
      error: { code: 'session-expired', message: 'Your session has ended. Sign in again.' },
    })
    expect(first.connection.isSignedIn).toBe(false)
    expect(readStateFile(first).session).toBeUndefined()
    // Once forgotten, calls fail here without reaching the server.
    const sent = first.requests.length
    expect(await first.api.call('apiKeys.create', {})).toMatchObject({ ok: false, error: { code: 'not-signed-in' } })
    expect(first.requests.length).toBe(sent)
  })

  it('reports an expired session at start-up when the server deleted it', async () => {
    const { user, main } = await signedIn()
    await endAllSessions(server.services, user.id)
    const restarted = await startTestMain(userData.path, encryption)
    expect(await restarted.handlers['session:restore'](undefined)).toEqual({
      ok: true,
      value: { status: 'signed-out', expired: true, serverUrl: server.url, persistence: 'encrypted' },
    })
    expect(readStateFile(main).session).toBeUndefined()
    expect(readStateFile(main).serverUrl).toBe(server.url)
  })

  it('signs out on the server and here, remembering only the server', async () => {
    const { main } = await signedIn()
    const sealed = readStateFile(main).session!
    const cookie = JSON.parse(encryption.decrypt(Buffer.from(sealed, 'base64'))).cookies[0]
    const me = () =>
      fetch(`${server.url}/api/v1/dashboard/users/me`, { headers: { cookie: `${cookie.name}=${cookie.value}` } })
    expect((await me()).status).toBe(200)

    expect(await main.handlers['session:logout'](undefined)).toEqual({ ok: true, value: { ok: true } })
    expect((await me()).status).toBe(401)
    expect(readStateFile(main)).toEqual({ version: 1, serverUrl: server.url })
    const restarted = await startTestMain(userData.path, encryption)
    expect(await restarted.handlers['session:restore'](undefined)).toMatchObject({
      ok: true,
      value: { status: 'signed-out', expired: false, serverUrl: server.url },
    })
  })

  it('keeps the current session when a sign-in fails', async () => {
    const { user, main } = await signedIn()
    const stateBefore = readStateFile(main)
    expect(
      await main.handlers['session:login']({ serverUrl: server.url, email: user.email, password: 'not the password!' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid-credentials', message: 'Invalid email or password.' },
    })
    expect(readStateFile(main)).toEqual(stateBefore)
    expect(await main.api.call('auth.me')).toMatchObject({ ok: true, value: { user: { email: user.email } } })
  })

  it('keeps a stored session while its server is unreachable, and reports that instead', async () => {
    const user = await server.createUser({ plan: 'pro' })
    // The app talks to the server through a forwarder the test can switch off.
    const proxy = new TcpProxy({ host: '127.0.0.1', port: server.port })
    await proxy.start()
    try {
      const main = await startTestMain(userData.path, encryption)
      const login = await main.handlers['session:login']({
        serverUrl: proxy.url,
        email: user.email,
        password: user.password,
      })
      expect(login.ok).toBe(true)
      await proxy.stop()

      const restarted = await startTestMain(userData.path, encryption)
      expect(await restarted.handlers['session:restore'](undefined)).toEqual({
        ok: true,
        value: {
          status: 'unreachable',
          serverUrl: proxy.url,
          persistence: 'encrypted',
          message: `Can't reach ${proxy.url}. Check the address and that the server is running.`,
        },
      })
      expect(await restarted.api.call('apiKeys.list')).toMatchObject({ ok: false, error: { code: 'unreachable' } })
      expect(restarted.connection.isSignedIn).toBe(true)
      expect(readStateFile(restarted).session).toEqual(expect.any(String))

      await proxy.start()
      expect(await restarted.api.call('apiKeys.list')).toEqual({ ok: true, value: [] })

      // Signing out works even while the server is away: the session is forgotten here.
      await proxy.stop()
      expect(await restarted.handlers['session:logout'](undefined)).toEqual({ ok: true, value: { ok: true } })
      expect(readStateFile(restarted)).toEqual({ version: 1, serverUrl: proxy.url })
    } finally {
      await proxy.stop()
    }
  })

  it('gives admins the admin console: search accounts, change plans, review and revoke any key', async () => {
    const customer = await signedIn('free')
    const { main: admin } = await signedIn('pro', 'admin')

    const found = await admin.api.call('admin.listUsers', { query: customer.user.email.slice(0, 12).toUpperCase() })
    if (!found.ok) throw new Error(found.error.message)
    expect(found.value).toEqual([
      expect.objectContaining({ id: customer.user.id, plan: 'free', role: 'user', active_keys: 0 }),
    ])

    const upgraded = await admin.api.call('admin.setPlan', { userId: customer.user.id, plan: 'pro' })
    expect(upgraded).toMatchObject({ ok: true, value: { user: { id: customer.user.id, plan: 'pro' } } })
    // The customer's own app sees the new plan and can now create keys.
    expect(await customer.main.api.call('auth.me')).toMatchObject({ ok: true, value: { user: { plan: 'pro' } } })
    const created = await customer.main.api.call('apiKeys.create', { label: 'upgraded' })
    if (!created.ok) throw new Error(created.error.message)

    const keys = await admin.api.call('admin.listKeys', { userId: customer.user.id })
    expect(keys.ok && keys.value.map((key) => key.prefix)).toEqual([created.value.prefix])
    expect(await admin.api.call('admin.revokeKey', { userId: customer.user.id, prefix: created.value.prefix })).toEqual(
      {
        ok: true,
        value: { revoked: true },
      },
    )
    expect((await callClientApi(server.url, created.value.key)).status).toBe(401)
    expect(await customer.main.api.call('apiKeys.list')).toEqual({ ok: true, value: [] })
  })

  it('never hands the session cookie to the renderer, and keeps the cookie-setting procedures off trpc:call', async () => {
    const { user, main } = await signedIn('pro', 'admin')
    const sessionCookie = () =>
      JSON.parse(encryption.decrypt(Buffer.from(readStateFile(main).session!, 'base64'))).cookies[0].value as string
    const cookie = sessionCookie()
    const answers: unknown[] = [
      await main.api.session.restore(),
      await main.api.call('auth.me'),
      await main.api.call('apiKeys.create', { label: 'cookie check' }),
      await main.api.call('apiKeys.list'),
      await main.api.call('admin.listUsers', {}),
      await main.api.call('admin.listKeys', { userId: user.id }),
    ]
    expect(answers).toEqual(answers.map(() => expect.objectContaining({ ok: true })))
    // Through trpc:call, auth.login would hand main a cookie outside the session handling, and auth.logout end it behind its back.
    const sent = main.requests.length
    answers.push(
      await main.handlers['trpc:call']({ path: 'auth.login', input: { email: user.email, password: user.password } }),
    )
    answers.push(await main.handlers['trpc:call']({ path: 'auth.logout' }))
    expect(answers.slice(-2)).toEqual([
      { ok: false, error: { code: 'invalid-input', message: 'The app does not offer that operation.' } },
      { ok: false, error: { code: 'invalid-input', message: 'The app does not offer that operation.' } },
    ])
    expect(main.requests.length).toBe(sent)
    expect(sessionCookie()).toBe(cookie)

    const again = await main.api.session.login({ serverUrl: server.url, email: user.email, password: user.password })
    expect(again.ok).toBe(true)
    const renewed = sessionCookie()
    expect(renewed).not.toBe(cookie)
    for (const answer of [...answers, again]) {
      expect(JSON.stringify(answer)).not.toContain(cookie)
      expect(JSON.stringify(answer)).not.toContain(renewed)
    }
  })

  it('refuses the admin procedures to accounts without the admin role (the server decides)', async () => {
    const { user, main } = await signedIn('pro', 'user')
    const forbidden = { ok: false, error: { code: 'forbidden', message: 'This action requires an admin account.' } }
    expect(await main.api.call('admin.listUsers', {})).toEqual(forbidden)
    expect(await main.api.call('admin.setPlan', { userId: user.id, plan: 'pro' })).toEqual(forbidden)
    expect(await main.api.call('admin.listKeys', { userId: user.id })).toEqual(forbidden)
    expect(await main.api.call('admin.revokeKey', { userId: user.id, prefix: 'sk_abcdefgh' })).toEqual(forbidden)
    // Refused, not signed out.
    expect(main.connection.isSignedIn).toBe(true)
  })
})
