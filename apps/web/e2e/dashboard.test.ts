import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createApiKey, setUserPlan } from '@storra/api'
import { callClientApi, type TestServer } from '@storra/server/testing'
import { hasChromium, launchChromium } from './browser.ts'
import { logInThroughPage, watchForPageProblems } from './dashboard-page.ts'
import { startDashboardServer } from './dashboard-server.ts'

const KEY_PATTERN = /^sk_[0-9A-Za-z]{38}$/

describe.skipIf(!hasChromium)('the dashboard in Chromium', () => {
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

  async function openPage(): Promise<Page> {
    context = await browser.newContext()
    page = await context.newPage()
    problems = watchForPageProblems(page)
    return page
  }
  afterEach(async () => {
    await context?.close()
    expect(problems).toEqual([])
  })

  it('serves the built app under /dashboard within the server’s Content Security Policy', async () => {
    await openPage()
    const response = await page.goto(`${server.url}/dashboard/login`)
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    await page.getByRole('heading', { name: 'Log in to your dashboard' }).waitFor()
    expect(await page.title()).toBe('Log in · Storra Cloud')
  })

  it('sends a logged-out visit to Settings to the login page', async () => {
    await openPage()
    await page.goto(`${server.url}/dashboard/settings`)
    await page.waitForURL('**/dashboard/login')
    await page.getByRole('button', { name: 'Log in' }).waitFor()
  })

  it('a Pro account creates a key that works, sees it once, and revokes it so it stops working', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await openPage()
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await logInThroughPage(page, server.url, account)
    const keys = page.getByRole('region', { name: 'API Keys' })
    await keys.getByText('No API keys yet').waitFor()

    await keys.getByLabel('Key label').fill('Browser test key')
    await keys.getByRole('button', { name: 'Create key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save your API key' })
    const key = await dialog.getByLabel('API key').inputValue()
    expect(key).toMatch(KEY_PATTERN)
    await expect.poll(() => dialog.textContent()).toContain('This key will not be shown again.')
    await dialog.getByRole('button', { name: 'Copy' }).click()
    await dialog.getByRole('button', { name: 'Copied' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)

    const response = await callClientApi(server.url, key)
    expect(response.status).toBe(200)
    expect(((await response.json()) as { email: string }).email).toBe(account.email)

    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(await page.content()).not.toContain(key)
    const prefix = key.slice(0, 11)
    const row = keys.getByRole('row').filter({ hasText: prefix })
    await expect.poll(() => row.textContent()).toContain('Browser test key')

    // A deep link reload keeps the session and the list (history fallback, cookie).
    await page.reload()
    await keys.getByText(prefix).waitFor()

    await keys.getByRole('button', { name: `Revoke key ${prefix}` }).click()
    const confirm = page.getByRole('dialog', { name: 'Revoke API key' })
    const question = await confirm.textContent()
    expect(question).toContain('Browser test key')
    expect(question).toContain(prefix)
    await confirm.getByRole('button', { name: 'Revoke key' }).click()
    await row.waitFor({ state: 'detached' })
    await keys.getByText('No API keys yet').waitFor()

    const after = await callClientApi(server.url, key)
    expect(after.status).toBe(401)
    expect(await after.json()).toEqual({ detail: 'User not found.' })
  })

  it('a free account sees its keys, can revoke them, and gets the upgrade notice instead of the create form', async () => {
    const account = await server.createUser({ plan: 'pro' })
    const { prefix } = await createApiKey(server.services, account.id, 'Kept from Pro days')
    await openPage()
    await logInThroughPage(page, server.url, account)
    const keys = page.getByRole('region', { name: 'API Keys' })
    await keys.getByText('Kept from Pro days').waitFor()

    // Downgraded while the page is open: the next create is refused and the page catches up.
    await setUserPlan(server.services, { userId: account.id }, 'free')
    await keys.getByLabel('Key label').fill('Too late')
    await keys.getByRole('button', { name: 'Create key' }).click()
    await keys.getByText('API access requires Cloud Pro plan. Upgrade to use the API.').waitFor()
    expect(await keys.getByLabel('Key label').count()).toBe(0)
    expect(await keys.getByRole('button', { name: 'Create key' }).count()).toBe(0)

    // And so it stays on a fresh load.
    await page.reload()
    await keys.getByText('API access requires Cloud Pro plan. Upgrade to use the API.').waitFor()
    await keys.getByText('Kept from Pro days').waitFor()
    expect(await keys.getByLabel('Key label').count()).toBe(0)
    expect(await page.getByRole('region', { name: 'Account' }).textContent()).toContain('Free plan')

    await keys.getByRole('button', { name: `Revoke key ${prefix}` }).click()
    await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: 'Revoke key' }).click()
    await keys.getByText('No API keys yet').waitFor()
  })

  it('a wrong password shows the error and stays on the login page', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await openPage()
    await page.goto(`${server.url}/dashboard/login`)
    await page.getByLabel('Email address').fill(account.email)
    await page.getByLabel('Password').fill('definitely not it')
    await page.getByRole('button', { name: 'Log in' }).click()

    await page.getByRole('alert').filter({ hasText: 'Invalid email or password.' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/dashboard/login')
  })

  it('logging out ends the session', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await openPage()
    await logInThroughPage(page, server.url, account)
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.waitForURL('**/dashboard/login')

    await page.goto(`${server.url}/dashboard/settings`)
    await page.waitForURL('**/dashboard/login')
    const status = await page.evaluate(async () => (await fetch('/api/v1/dashboard/users/me')).status)
    expect(status).toBe(401)
  })

  it('says when the API cannot be reached, and recovers on Try again', async () => {
    await openPage()
    await page.route('**/api/v1/**', (route) => route.abort())
    await page.goto(`${server.url}/dashboard/settings`)
    await page.getByRole('heading', { name: 'Couldn’t load your dashboard' }).waitFor()
    await page.getByText('Couldn’t reach Storra Cloud. Check your connection and try again.').waitFor()

    await page.unroute('**/api/v1/**')
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.waitForURL('**/dashboard/login')
    await page.getByRole('button', { name: 'Log in' }).waitFor()
  })

  it('works from the keyboard alone', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await openPage()
    await page.goto(`${server.url}/dashboard/login`)
    // The email field has focus on arrival.
    await page.getByLabel('Email address').and(page.locator(':focus')).waitFor()
    await page.keyboard.type(account.email)
    await page.keyboard.press('Tab')
    await page.keyboard.type(account.password)
    await page.keyboard.press('Enter')
    await page.waitForURL('**/dashboard/settings')

    const label = page.getByLabel('Key label')
    await label.focus()
    await page.keyboard.type('Keyboard key')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Save your API key' })
    // Focus starts on Copy, inside the dialog.
    await dialog.getByRole('button', { name: 'Copy' }).and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    const revoke = page.getByRole('button', { name: /^Revoke key sk_/ })
    await revoke.focus()
    await page.keyboard.press('Enter')
    const confirm = page.getByRole('dialog', { name: 'Revoke API key' })
    // Cancel takes focus, so Enter alone cannot revoke by accident.
    await confirm.getByRole('button', { name: 'Cancel' }).and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.getByRole('region', { name: 'API Keys' }).getByText('No API keys yet').waitFor()
  })
})
