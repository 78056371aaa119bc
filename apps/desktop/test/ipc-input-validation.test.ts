import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, testDatabaseTargets, type TestServer } from '@storra/server/testing'
import type { IpcChannel } from '../src/shared/ipc-contract.ts'
import { createAesGcmEncryption } from './support/aes-gcm-encryption.ts'
import { startTestMain, type DesktopTestMain } from './support/desktop-test-main.ts'
import { temporaryDirectory } from './support/temporary-directory.ts'

const UUID = '3f2b8c1e-9d4a-4f6b-8e2c-1a5d7b9c0e3f'

// What a compromised or buggy renderer might send. Each must be refused in main, before any request.
const BAD_INPUTS: [IpcChannel, unknown][] = [
  ['session:login', undefined],
  ['session:login', 'admin@example.com'],
  ['session:login', { serverUrl: 'file:///etc/passwd', email: 'a@example.com', password: 'pw' }],
  ['session:login', { serverUrl: 'javascript:alert(1)', email: 'a@example.com', password: 'pw' }],
  ['session:login', { serverUrl: 'http://user:secret@127.0.0.1:3000', email: 'a@example.com', password: 'pw' }],
  ['session:login', { serverUrl: 'not a url', email: 'a@example.com', password: 'pw' }],
  ['session:login', { serverUrl: 'http://127.0.0.1:3000', email: '   ', password: 'pw' }],
  ['session:login', { serverUrl: 'http://127.0.0.1:3000', email: 'a@example.com', password: '' }],
  ['session:login', { serverUrl: 'http://127.0.0.1:3000', email: 'a@example.com', password: 'x'.repeat(4097) }],
  ['session:login', { serverUrl: 'http://127.0.0.1:3000', email: 'a@example.com', password: 'pw', role: 'admin' }],
  ['trpc:call', { path: 'auth.me', input: { anything: true } }],
  ['session:restore', 'again'],
  ['trpc:call', { path: 'apiKeys.list', input: { userId: UUID } }],
  ['trpc:call', { path: 'apiKeys.create' }],
  ['trpc:call', { path: 'apiKeys.create', input: { label: 42 } }],
  ['trpc:call', { path: 'apiKeys.create', input: { label: 'x'.repeat(1025) } }],
  ['trpc:call', { path: 'apiKeys.create', input: { label: 'ok', userId: UUID } }],
  ['trpc:call', { path: 'apiKeys.revoke', input: { prefix: 'sk_short' } }],
  ['trpc:call', { path: 'apiKeys.revoke', input: { prefix: '../../admin' } }],
  ['trpc:call', { path: 'apiKeys.revoke', input: { prefix: ['sk_abcdefgh'] } }],
  ['trpc:call', { path: 'apiKeys.list', input: { state: 'deleted' } }],
  ['trpc:call', { path: 'apiKeys.policy', input: { userId: UUID } }],
  ['trpc:call', { path: 'apiKeys.create', input: { expires_at: 1893456000 } }],
  ['trpc:call', { path: 'apiKeys.create', input: { ip_allowlist: '10.0.0.0/8' } }],
  ['trpc:call', { path: 'apiKeys.create', input: { ip_allowlist: ['x'.repeat(129)] } }],
  ['trpc:call', { path: 'apiKeys.update', input: { label: 'no prefix' } }],
  ['trpc:call', { path: 'apiKeys.update', input: { prefix: 'sk_abcdefgh', userId: UUID } }],
  ['trpc:call', { path: 'apiKeys.rotate', input: { prefix: 'sk_abcdefgh', grace_period_seconds: '86400' } }],
  ['trpc:call', { path: 'apiKeys.rotate', input: { prefix: '../admin', grace_period_seconds: 0 } }],
  ['trpc:call', { path: 'admin.listUsers', input: { query: 7 } }],
  ['trpc:call', { path: 'admin.listUsers', input: { query: 'x'.repeat(321) } }],
  ['trpc:call', { path: 'admin.setPlan', input: { userId: '1', plan: 'pro' } }],
  ['trpc:call', { path: 'admin.setPlan', input: { userId: UUID, plan: 'enterprise' } }],
  ['trpc:call', { path: 'admin.setPlan', input: { userId: UUID } }],
  ['trpc:call', { path: 'admin.listKeys', input: {} }],
  ['trpc:call', { path: 'admin.listKeys', input: { userId: `${UUID}' or 1=1 --` } }],
  ['trpc:call', { path: 'admin.revokeKey', input: { userId: UUID, prefix: 'sk_' } }],
  ['trpc:call', { path: 'admin.setRole', input: { userId: UUID, role: 'owner' } }],
  ['trpc:call', { path: 'admin.deleteUser', input: { userId: 'me' } }],
  ['trpc:call', { path: 'auth.changePassword', input: { currentPassword: 'x', newPassword: 'y'.repeat(5000) } }],
  ['trpc:call', { path: 'billing.checkout', input: { priceId: 'price_free' } }],
  ['clipboard:copy-secret', { text: '' }],
  ['clipboard:copy-secret', { text: 'x'.repeat(1025) }],
  ['clipboard:copy-secret', 'sk_plain_string'],
]

// Real procedures of the dashboard router that the app does not offer, and names that are no procedure at all.
// auth.login and auth.logout in particular: through trpc:call their Set-Cookie would bypass main's session handling.
const NOT_ALLOWLISTED = [
  'auth.login',
  'auth.logout',
  'apiKeys',
  'apiKeys.list.query',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  '',
]

const cyclic: Record<string, unknown> = { label: 'loop' }
cyclic['self'] = cyclic
let deep: unknown = 'bottom'
for (let level = 0; level < 40; level++) deep = [deep]

// Inputs that are not plain, bounded JSON: refused by the trpc:call envelope whatever the procedure.
const NOT_JSON: [string, unknown][] = [
  ['a Date', { label: new Date(0) }],
  ['a Map', new Map([['label', 'x']])],
  ['NaN', { label: Number.NaN }],
  ['a typed array', { label: new Uint8Array(4) }],
  ['a cycle', cyclic],
  ['deep nesting', { label: deep }],
  ['17 KB of text', { label: 'x'.repeat(17 * 1024) }],
]

describe('IPC input validation', () => {
  let server: TestServer
  let main: DesktopTestMain
  const userData = temporaryDirectory()

  beforeAll(async () => {
    server = await startTestServer(testDatabaseTargets()[0]!)
    const user = await server.createUser({ plan: 'pro' })
    main = await startTestMain(userData.path, createAesGcmEncryption())
    const login = await main.handlers['session:login']({
      serverUrl: server.url,
      email: user.email,
      password: user.password,
    })
    expect(login.ok).toBe(true)
  })
  afterAll(async () => {
    await server?.dispose()
    userData.remove()
  })

  it.each(BAD_INPUTS)('%s refuses %j before reaching the network', async (channel, input) => {
    const sent = main.requests.length
    const result = await main.handlers[channel](input)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-input')
    expect(result.error.message.length).toBeGreaterThan(0)
    expect(main.requests.length).toBe(sent)
    expect(main.clipboard.text).toBe('')
  })

  it.each(NOT_ALLOWLISTED)('trpc:call refuses the procedure %j, which is not on the allowlist', async (path) => {
    const sent = main.requests.length
    expect(await main.handlers['trpc:call']({ path, input: { email: 'a@example.com', password: 'pw' } })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The app does not offer that operation.' },
    })
    expect(main.requests.length).toBe(sent)
  })

  it.each(NOT_JSON)('trpc:call refuses %s as input before reaching the network', async (_what, input) => {
    const sent = main.requests.length
    const result = await main.handlers['trpc:call']({ path: 'apiKeys.create', input })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(!result.ok && result.error.message).toMatch(/^input: The input (must be plain JSON data|is too large)\.$/)
    expect(main.requests.length).toBe(sent)
  })

  it('trpc:call refuses a malformed envelope', async () => {
    const sent = main.requests.length
    for (const envelope of [
      undefined,
      'apiKeys.list',
      ['apiKeys.list'],
      {},
      { path: 42 },
      { path: 'apiKeys.list', extra: 1 },
    ]) {
      expect(await main.handlers['trpc:call'](envelope)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    expect(main.requests.length).toBe(sent)
  })

  it('says what was wrong in words a person can act on', async () => {
    expect(
      await main.handlers['session:login']({ serverUrl: 'ftp://example.com', email: 'a@example.com', password: 'pw' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'serverUrl: Enter the server address as an http:// or https:// URL, e.g. http://localhost:3000.',
      },
    })
    expect(await main.handlers['trpc:call']({ path: 'apiKeys.revoke', input: { prefix: 'nope' } })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'prefix: Not an API key prefix (sk_ followed by 8 letters or digits).' },
    })
  })

  it('lets valid input through to the server and the clipboard', async () => {
    const sent = main.requests.length
    const created = await main.api.call('apiKeys.create', { label: 'valid' })
    expect(created.ok).toBe(true)
    expect(main.requests.length).toBe(sent + 1)
    if (!created.ok) return
    expect(await main.handlers['clipboard:copy-secret']({ text: created.value.key })).toEqual({
      ok: true,
      value: { clearAfterSeconds: 60 },
    })
    expect(main.clipboard.text).toBe(created.value.key)
    main.secretClipboard.clearNow()
  })
})
