import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../src/testing-browser.ts'
import { DEFAULT_WEB_DIST } from '../../src/env.ts'
import { startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'

const webAppBuilt = existsSync(join(DEFAULT_WEB_DIST, 'index.html'))
if (!webAppBuilt)
  console.warn(
    `\n⚠️  SKIPPING the CSP browser check: no dashboard build in ${DEFAULT_WEB_DIST} (npm run build -w @storra/web)\n`,
  )

// Headers are the same on either database; PGlite suffices.
const pglite = testDatabaseTargets()[0]!

function expectHardened(res: Response, where: string): void {
  const h = res.headers
  const csp = h.get('content-security-policy')
  expect(csp, where).toMatch(/default-src 'self'/)
  expect(csp, where).toMatch(/object-src 'none'/)
  expect(csp, where).toMatch(/frame-ancestors 'self'/)
  expect(csp, where).not.toMatch(/upgrade-insecure-requests/) // plain-HTTP test server
  expect(h.get('x-content-type-options'), where).toBe('nosniff')
  expect(h.get('x-frame-options'), where).toBe('SAMEORIGIN')
  expect(h.get('referrer-policy'), where).toBe('no-referrer')
  expect(h.get('cross-origin-opener-policy'), where).toBe('same-origin')
  expect(h.get('x-powered-by'), where).toBeNull()
}

/** The client API is JSON only: the headers an API needs, not the HTML set (issue 13). */
function expectJsonApiHeaders(res: Response, where: string): void {
  const h = res.headers
  expect(h.get('content-type'), where).toBe('application/json; charset=utf-8')
  expect(h.get('cache-control'), where).toBe('no-store')
  expect(h.get('x-content-type-options'), where).toBe('nosniff')
  expect(h.get('content-security-policy'), where).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(h.get('x-frame-options'), where).toBeNull()
  expect(h.get('x-powered-by'), where).toBeNull()
}

describe('security headers', () => {
  let server: TestServer
  let secure: TestServer
  const stubDist = mkdtempSync(join(tmpdir(), 'storra-web-'))
  writeFileSync(join(stubDist, 'index.html'), '<!doctype html><title>stub</title><div id="root"></div>')
  beforeAll(async () => {
    server = await startTestServer(pglite, webAppBuilt ? {} : { web: { distDir: stubDist } })
    secure = await startTestServer(pglite, { session: { secureCookies: true }, web: { distDir: stubDist } })
  })
  afterAll(async () => {
    await Promise.all([server?.dispose(), secure?.dispose()])
    rmSync(stubDist, { recursive: true, force: true })
  })

  it('are on the dashboard page, the dashboard API, tRPC and errors; the client API has the JSON API set', async () => {
    const dashboard = await fetch(`${server.url}/dashboard/`, { headers: { accept: 'text/html' } })
    expect(dashboard.status).toBe(200)
    expectHardened(dashboard, '/dashboard/')
    expectJsonApiHeaders(await fetch(`${server.url}/api/v1/client/users/me`), 'client API 401')
    expectJsonApiHeaders(await fetch(`${server.url}/api/v1/client/nope`), 'client API 404')
    expectHardened(await fetch(`${server.url}/api/v1/dashboard/users/me`), 'dashboard API 401')
    expectHardened(await fetch(`${server.url}/api/v1/dashboard/trpc/auth.me`), 'tRPC')
    expectHardened(await fetch(`${server.url}/nowhere`), '404')
    expect((await fetch(`${server.url}/dashboard/`)).headers.get('strict-transport-security')).toBeNull()
  })

  it('add HSTS and upgrade-insecure-requests when cookies are secure (HTTPS deployments)', async () => {
    const res = await fetch(`${secure.url}/api/v1/dashboard/users/me`)
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
    const client = await fetch(`${secure.url}/api/v1/client/users/me`)
    expect(client.headers.get('strict-transport-security')).toBe(res.headers.get('strict-transport-security'))
    expect(res.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/)
  })

  it.skipIf(!webAppBuilt || !hasChromium)(
    'let the built dashboard load in Chromium without CSP violations',
    async () => {
      const browser = await launchChromium()
      try {
        const page = await browser.newPage()
        const violations: string[] = []
        page.on('console', (message) => {
          if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
        })
        // Runs in the page; a string, since this package's TypeScript has no DOM types.
        await page.addInitScript(
          "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused (CSP): ' + e.violatedDirective + ' ' + e.blockedURI))",
        )
        const response = await page.goto(`${server.url}/dashboard/login`, { waitUntil: 'load' })
        expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/)
        // The app rendered something into #root: its scripts and styles were allowed to run.
        await page.waitForFunction("(document.getElementById('root')?.childElementCount ?? 0) > 0", undefined, {
          timeout: 15_000,
        })
        expect(violations).toEqual([])
      } finally {
        await browser.close()
      }
    },
  )
})
