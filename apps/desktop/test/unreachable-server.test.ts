import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAesGcmEncryption } from './support/aes-gcm-encryption.ts'
import { startTestMain } from './support/desktop-test-main.ts'
import { temporaryDirectory } from './support/temporary-directory.ts'

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

const CREDENTIALS = { email: 'someone@example.com', password: 'correct horse battery staple' }

describe('when the server cannot be reached or is not a Storra server', () => {
  let userData: ReturnType<typeof temporaryDirectory>
  const encryption = createAesGcmEncryption()
  // A local stand-in for the wrong server: some web page.
  const pages = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Welcome to nginx!</h1>')
  })
  let pagesUrl: string

  beforeAll(async () => {
    pagesUrl = await listen(pages)
  })
  afterAll(() => close(pages))
  beforeEach(() => {
    userData = temporaryDirectory()
  })
  afterEach(() => userData.remove())

  it('names the server when nothing listens there', async () => {
    const closed = createServer()
    const url = await listen(closed)
    await close(closed)
    const main = await startTestMain(userData.path, encryption)
    expect(await main.handlers['session:login']({ serverUrl: url, ...CREDENTIALS })).toEqual({
      ok: false,
      error: { code: 'unreachable', message: `Can't reach ${url}. Check the address and that the server is running.` },
    })
  })

  it('says so when the address serves something else', async () => {
    const main = await startTestMain(userData.path, encryption)
    const login = await main.handlers['session:login']({ serverUrl: pagesUrl, ...CREDENTIALS })
    expect(login).toEqual({
      ok: false,
      error: { code: 'unreachable', message: `${pagesUrl} did not answer like a Storra server. Check the address.` },
    })
  })

  it('does not follow redirects or keep their cookies', async () => {
    const main = await startTestMain(userData.path, encryption)
    const redirecting = createServer((request, response) => {
      response.writeHead(308, { location: `${pagesUrl}${request.url}`, 'set-cookie': 'storra_session=planted' })
      response.end()
    })
    const url = await listen(redirecting)
    try {
      const login = await main.handlers['session:login']({ serverUrl: url, ...CREDENTIALS })
      expect(login).toMatchObject({ ok: false, error: { code: 'unreachable' } })
      expect(!login.ok && login.error.message).toContain('redirects elsewhere')
      expect(main.connection.isSignedIn).toBe(false)
      expect(main.requests).toHaveLength(1)
    } finally {
      await close(redirecting)
    }
  })

  it('gives up on a server that does not answer', async () => {
    const silent = createServer(() => {})
    const url = await listen(silent)
    try {
      const main = await startTestMain(userData.path, encryption, { timeoutMs: 300 })
      expect(await main.handlers['session:login']({ serverUrl: url, ...CREDENTIALS })).toEqual({
        ok: false,
        error: { code: 'unreachable', message: `${url} did not answer in time. Try again.` },
      })
    } finally {
      await close(silent)
    }
  })
})
