import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAesGcmEncryption } from '../../test/support/aes-gcm-encryption.ts'
import { temporaryDirectory } from '../../test/support/temporary-directory.ts'
import { SessionStore } from './session-store.ts'

const SERVER = 'https://cloud.storra.host'
const COOKIES = [{ name: 'storra_session', value: 'Fe26.2**sealed-session-value', expiresAt: Date.now() + 60_000 }]

describe('SessionStore', () => {
  let dir: ReturnType<typeof temporaryDirectory>
  let file: string
  beforeEach(() => {
    dir = temporaryDirectory()
    file = join(dir.path, 'nested', 'session.json')
  })
  afterEach(() => dir.remove())

  it('keeps the session encrypted at rest, readable only with the same key', async () => {
    const encryption = createAesGcmEncryption()
    const store = new SessionStore({ file, encryption })
    expect(store.persistence).toBe('encrypted')
    await store.save({ serverUrl: SERVER, cookies: COOKIES })

    const raw = readFileSync(file, 'utf8')
    expect(raw).toContain(SERVER)
    expect(raw).not.toContain('storra_session')
    expect(raw).not.toContain('sealed-session-value')
    expect(statSync(file).mode & 0o777).toBe(0o600)

    expect(await new SessionStore({ file, encryption }).load()).toEqual({ serverUrl: SERVER, cookies: COOKIES })
    // Another machine's (or a reset keychain's) key cannot read it: the server is still remembered.
    expect(await new SessionStore({ file, encryption: createAesGcmEncryption() }).load()).toEqual({
      serverUrl: SERVER,
      cookies: [],
    })
  })

  it('does not send the session to a server swapped into the file', async () => {
    const encryption = createAesGcmEncryption()
    await new SessionStore({ file, encryption }).save({ serverUrl: SERVER, cookies: COOKIES })
    const contents = JSON.parse(readFileSync(file, 'utf8'))
    writeFileSync(file, JSON.stringify({ ...contents, serverUrl: 'https://attacker.example' }))
    expect(await new SessionStore({ file, encryption }).load()).toEqual({
      serverUrl: 'https://attacker.example',
      cookies: [],
    })
  })

  it('never writes the session without encryption, but still remembers the server', async () => {
    const store = new SessionStore({ file, encryption: undefined })
    expect(store.persistence).toBe('memory-only')
    await store.save({ serverUrl: SERVER, cookies: COOKIES })
    expect(readFileSync(file, 'utf8')).not.toContain('session-value')
    expect(await store.load()).toEqual({ serverUrl: SERVER, cookies: [] })
  })

  it('reads a missing or damaged file as nothing saved', async () => {
    const store = new SessionStore({ file, encryption: createAesGcmEncryption() })
    expect(await store.load()).toEqual({ cookies: [] })
    await store.save({ serverUrl: SERVER, cookies: [] })
    writeFileSync(file, '{"version": 1, "serverUrl": ')
    expect(await store.load()).toEqual({ cookies: [] })
    writeFileSync(file, JSON.stringify({ version: 1, serverUrl: SERVER, session: 'bm90IGNpcGhlcnRleHQ=' }))
    expect(await store.load()).toEqual({ serverUrl: SERVER, cookies: [] })
  })

  it('applies queued saves in order, so the last one wins', async () => {
    const encryption = createAesGcmEncryption()
    const store = new SessionStore({ file, encryption })
    await Promise.all([
      store.save({ serverUrl: SERVER, cookies: COOKIES }),
      store.save({ serverUrl: SERVER, cookies: [] }),
    ])
    expect(await store.load()).toEqual({ serverUrl: SERVER, cookies: [] })
  })
})
