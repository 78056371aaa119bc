import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium, warnIfNoChromium } from '../../src/testing-browser.ts'
import { startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'

warnIfNoChromium('the /docs API reference page test')

// The page reads no database; PGlite suffices.
const pglite = testDatabaseTargets()[0]!

describe.skipIf(!hasChromium)('the API reference page at /docs', () => {
  let server: TestServer
  const shots = mkdtempSync(join(tmpdir(), 'storra-docs-'))
  beforeAll(async () => {
    server = await startTestServer(pglite)
  })
  afterAll(async () => {
    await server?.dispose()
    rmSync(shots, { recursive: true, force: true })
  })

  it('renders every operation in Chromium with no console error, no CSP violation and no request leaving the server', async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      const problems: string[] = []
      const requests: string[] = []
      page.on('console', (message) => {
        if (
          message.type() === 'error' ||
          message.type() === 'warning' ||
          /Refused to|Content Security Policy/i.test(message.text())
        ) {
          problems.push(`console.${message.type()}: ${message.text()}`)
        }
      })
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
      page.on('requestfailed', (request) =>
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
      )
      page.on('request', (request) => requests.push(request.url()))
      // Runs in the page; a string, since this package's TypeScript has no DOM types.
      await page.addInitScript(
        "document.addEventListener('securitypolicyviolation', (e) => console.error('Refused (CSP): ' + e.violatedDirective + ' ' + e.blockedURI))",
      )

      const response = await page.goto(`${server.url}/docs`, { waitUntil: 'load' })
      expect(response?.status()).toBe(200)
      expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self'/)
      expect(response?.headers()['content-security-policy']).not.toMatch(/unsafe-eval/)

      await page.getByRole('heading', { name: /Storra Cloud key service/ }).waitFor({ timeout: 20_000 })
      const summaries = page.locator('.opblock-summary-path')
      await summaries.first().waitFor()
      const paths = await summaries.allInnerTexts()
      expect(paths.map((p) => p.replace(/\u200b/g, ''))).toEqual(
        expect.arrayContaining(['/api/v1/client/users/me', '/api/v1/dashboard/users/me/api-keys/{prefix}', '/healthz']),
      )

      // Open the client API operation: its responses, with the published bodies, render too.
      await page.locator('#operations-Client_API-getClientUser .opblock-summary').click()
      await page.locator('#operations-Client_API-getClientUser .responses-table').first().waitFor()
      const text = await page.locator('#operations-Client_API-getClientUser').innerText()
      expect(text).toContain('API access requires Cloud Pro plan. Upgrade to use the API.')
      await page.screenshot({ path: join(shots, 'docs.png'), fullPage: false })

      expect(problems).toEqual([])
      const foreign = requests.filter((url) => !url.startsWith(server.url + '/') && !url.startsWith('data:'))
      expect(foreign).toEqual([])
      expect(requests).toContain(`${server.url}/api/v1/openapi.json`)
    } finally {
      await browser.close()
    }
  })
})
