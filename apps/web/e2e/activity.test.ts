import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createApiKey } from '@storra/api'
import type { TestServer } from '@storra/server/testing'
import { hasChromium, launchChromium } from './browser.ts'
import { logInThroughPage, watchForPageProblems } from './dashboard-page.ts'
import { startDashboardServer } from './dashboard-server.ts'

describe.skipIf(!hasChromium)('key usage and activity in Chromium', () => {
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

  it('opens a key’s usage chart, switches its window with the keyboard, and lists the activity', async () => {
    const account = await server.createUser({ plan: 'pro' })
    const key = await createApiKey(server.services, account.id, 'Charted key')
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/v1/client/users/me`, {
        headers: { 'x-api-key': key.key, 'user-agent': 'curl/8.5' },
      })
      expect(res.status).toBe(200)
    }
    // Counts reach the database when their minute ends; a flush writes the open one now.
    await server.services.lastUsed.flush(true)

    context = await browser.newContext()
    page = await context.newPage()
    problems = watchForPageProblems(page)
    await logInThroughPage(page, server.url, account)

    const usage = page.getByRole('region', { name: 'Key usage' })
    await usage.getByText(/Last used .* from 127\.0\.0\.1 \(curl\/8\.5\)/).waitFor()
    await usage.getByRole('img', { name: /^5 requests in the last 24 hours/ }).waitFor()
    await usage.getByRole('button', { name: 'Usage' }).click()
    const total = usage.getByTestId('usage-total')
    await expect.poll(() => total.textContent()).toContain('5 requests in the last 24 hours')
    await usage.locator('.recharts-wrapper').waitFor()

    // The window switch is a radio group: arrow keys move it.
    await usage.getByRole('radio', { name: '24 hours' }).focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => total.textContent()).toContain('5 requests in the last 7 days (hour buckets')
    // The text alternative.
    await usage.getByText('Show as a table').click()
    await usage.getByRole('table', { name: /Requests per hour/ }).waitFor()

    const activity = page.getByRole('region', { name: 'Activity' })
    await activity.getByRole('cell', { name: 'Key created' }).waitFor()
    await activity.getByRole('cell', { name: 'Signed in' }).first().waitFor()
    await activity.getByRole('button', { name: 'Export CSV' }).waitFor()
  })
})
