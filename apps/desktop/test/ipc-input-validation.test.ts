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
  ['session:me', { anything: true }],
  ['session:restore', 'again'],
  ['keys:list', { userId: UUID }],
  ['keys:create', undefined],
  ['keys:create', { label: 42 }],
  ['keys:create', { label: 'x'.repeat(1025) }],
  ['keys:create', { label: 'ok', userId: UUID }],
  ['keys:revoke', { prefix: 'sk_short' }],
  ['keys:revoke', { prefix: '../../admin' }],
  ['keys:revoke', { prefix: ['sk_abcdefgh'] }],
  ['admin:list-users', { query: 7 }],
  ['admin:list-users', { query: 'x'.repeat(321) }],
  ['admin:set-plan', { userId: '1', plan: 'pro' }],
  ['admin:set-plan', { userId: UUID, plan: 'enterprise' }],
  ['admin:set-plan', { userId: UUID }],
  ['admin:list-keys', {}],
  ['admin:list-keys', { userId: `${UUID}' or 1=1 --` }],
  ['admin:revoke-key', { userId: UUID, prefix: 'sk_' }],
  ['clipboard:copy-secret', { text: '' }],
  ['clipboard:copy-secret', { text: 'x'.repeat(1025) }],
  ['clipboard:copy-secret', 'sk_plain_string'],
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
    expect(await main.handlers['keys:revoke']({ prefix: 'nope' })).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'prefix: Not an API key prefix (sk_ followed by 8 letters or digits).' },
    })
  })

  it('lets valid input through to the server and the clipboard', async () => {
    const sent = main.requests.length
    const created = await main.handlers['keys:create']({ label: 'valid' })
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
