import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createApiKey } from '@storra/api'
import { callClientApi, type TestServer } from '@storra/server/testing'
import { hasChromium, launchChromium } from './browser.ts'
import { logInThroughPage, watchForPageProblems } from './dashboard-page.ts'
import { startDashboardServer } from './dashboard-server.ts'

describe.skipIf(!hasChromium)('the owner’s banner after a public leak report, in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startDashboardServer(), launchChromium()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })
  afterEach(async () => {
    await context?.close()
    expect(problems).toEqual([])
  })

  it('says which key was revoked and why, and stays dismissed once dismissed', async () => {
    const account = await server.createUser({ plan: 'pro' })
    const leaked = await createApiKey(server.services, account.id, 'Production')
    const kept = await createApiKey(server.services, account.id, 'Staging')
    context = await browser.newContext()
    page = await context.newPage()
    problems = watchForPageProblems(page)
    await logInThroughPage(page, server.url, account)
    const keys = page.getByRole('region', { name: 'API Keys' })
    await keys.getByText(leaked.prefix).waitFor()
    expect(await page.getByRole('region', { name: 'Leaked key notices' }).count()).toBe(0)

    // Someone finds the key in public and reports it: no account, no cookie.
    const report = await fetch(`${server.url}/api/v1/public/credentials/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentials: [leaked.key] }),
    })
    expect(report.status).toBe(202)
    expect((await callClientApi(server.url, leaked.key)).status).toBe(401)

    await page.reload()
    const notice = page.getByRole('alert').filter({ hasText: leaked.prefix })
    await notice.waitFor()
    const text = await notice.textContent()
    expect(text).toMatch(
      new RegExp(
        `${leaked.prefix} "Production" was revoked on \\w{3} \\d{1,2}, \\d{4} because it was reported as leaked\\.`,
      ),
    )
    expect(text).not.toContain(kept.prefix)
    await keys.getByText(kept.prefix).waitFor()
    expect(await keys.getByText(leaked.prefix).count()).toBe(0)

    await notice.getByRole('button', { name: `Dismiss the notice about ${leaked.prefix}` }).click()
    await notice.waitFor({ state: 'detached' })
    await page.reload()
    await keys.getByText(kept.prefix).waitFor()
    expect(await page.getByRole('alert').filter({ hasText: leaked.prefix }).count()).toBe(0)
  })
})
