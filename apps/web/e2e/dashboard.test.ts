import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createApiKey, setUserPlan } from '@storra/api'
import { callClientApi, type TestServer } from '@storra/server/testing'
import { hasChromium, launchChromium } from './browser.ts'
import { logInThroughPage, watchForPageProblems } from './dashboard-page.ts'
import { startDashboardServer } from './dashboard-server.ts'

const KEY_PATTERN = /^sk_[0-9A-Za-z]{38}$/
const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 820 }

type Box = { x: number; y: number; width: number; height: number }

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

  async function openPage(viewport?: { width: number; height: number }): Promise<Page> {
    context = await browser.newContext(viewport ? { viewport } : {})
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

  it('tells the owner which key a public leak report revoked, and why, until dismissed', async () => {
    const account = await server.createUser({ plan: 'pro' })
    const leaked = await createApiKey(server.services, account.id, 'Production')
    const kept = await createApiKey(server.services, account.id, 'Staging')
    await openPage()
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
    await page.getByRole('button', { name: 'Log out', exact: true }).click()
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
    // Issue 10 item 13: Escape no longer throws the key away; leaving uncopied is confirmed.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await dialog.getByRole('button', { name: 'Done' }).and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Go back' }).and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
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

  // Issue 10, "a newcomer's first hour": what a first visit on a phone or a laptop runs into.
  async function boxOf(selector: ReturnType<Page['locator']>): Promise<Box> {
    const box = await selector.boundingBox()
    if (!box) throw new Error('element is not rendered')
    return box
  }

  const horizontalOverflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

  it('at 390×844 shows every key as a card whose Created, Last used and Revoke are on screen without sideways scrolling', async () => {
    const account = await server.createUser({ plan: 'pro' })
    const labels = [
      'Production server',
      'CI deploy (GitHub Actions) for the monorepo release pipeline',
      'Local development',
    ]
    for (const label of labels) await createApiKey(server.services, account.id, label)
    await openPage(PHONE)
    await logInThroughPage(page, server.url, account)
    const keys = page.getByRole('region', { name: 'API Keys' })
    await keys
      .getByRole('button', { name: /^Revoke key sk_/ })
      .first()
      .waitFor()

    expect(await horizontalOverflow()).toBe(0)
    const rows = keys.getByRole('row').filter({ has: page.getByRole('rowheader') })
    expect(await rows.count()).toBe(labels.length)
    for (let index = 0; index < labels.length; index++) {
      const row = rows.nth(index)
      const revoke = row.getByRole('button', { name: /^Revoke key sk_/ })
      expect(await revoke.isVisible()).toBe(true)
      // The label, then each cell: prefix, Created, Last used, Revoke.
      for (const part of [row.getByRole('rowheader'), ...(await row.getByRole('cell').all())]) {
        const box = await boxOf(part)
        expect(box.x).toBeGreaterThanOrEqual(0)
        expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width)
      }
      // The column names are in each card, where the header row is not shown.
      expect(await row.getByText('Created', { exact: true }).isVisible()).toBe(true)
      expect(await row.getByText('Last used', { exact: true }).isVisible()).toBe(true)
    }
    // Still a table to assistive technology, with its column headers.
    expect(await keys.getByRole('columnheader').allTextContents()).toEqual([
      'Label',
      'Prefix',
      'Created',
      'Last used',
      'Status',
      'Actions',
    ])

    // The Revoke button of a card works at this size too.
    await rows
      .first()
      .getByRole('button', { name: /^Revoke key sk_/ })
      .click()
    await page.getByRole('dialog', { name: 'Revoke API key' }).waitFor()
  })

  it('at 1280 px keeps the table with its header row', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await createApiKey(server.services, account.id, 'Production server')
    await openPage(DESKTOP)
    await logInThroughPage(page, server.url, account)
    const keys = page.getByRole('region', { name: 'API Keys' })
    const header = keys.getByRole('columnheader', { name: 'Last used' })
    await header.waitFor()

    expect(await header.isVisible()).toBe(true)
    expect(await keys.getByText('Created', { exact: true }).count()).toBe(2) // header + the card label
    expect(await keys.getByRole('row').nth(1).getByText('Created', { exact: true }).isVisible()).toBe(false)
    expect(await horizontalOverflow()).toBe(0)
  })

  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px keeps the new key dialog open until it is dismissed on purpose, with the whole key in view`, async () => {
      const account = await server.createUser({ plan: 'pro' })
      await openPage(viewport)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
      await logInThroughPage(page, server.url, account)
      await page.getByLabel('Key label').fill('Dialog key')
      await page.getByRole('button', { name: 'Create key' }).click()
      const dialog = page.getByRole('dialog', { name: 'Save your API key' })
      const field = dialog.getByLabel('API key')
      const key = await field.inputValue()

      // Escape and a click on the backdrop leave it open.
      await page.keyboard.press('Escape')
      await page.mouse.click(5, 5)
      expect(await dialog.isVisible()).toBe(true)
      expect(await field.inputValue()).toBe(key)

      // The whole key is in view: nothing scrolled out of the field, sideways or down.
      const fits = await field.evaluate((element) => ({
        wide: element.scrollWidth <= element.clientWidth,
        tall: element.scrollHeight <= element.clientHeight,
      }))
      expect(fits).toEqual({ wide: true, tall: true })

      // The Copy button keeps its width as its text changes, so the key field keeps its own.
      const copy = dialog.getByRole('button', { name: 'Copy' })
      const [copyBefore, fieldBefore] = [await boxOf(copy), await boxOf(field)]
      await copy.click()
      const copied = dialog.getByRole('button', { name: 'Copied' })
      await copied.waitFor()
      expect((await boxOf(copied)).width).toBe(copyBefore.width)
      expect(await boxOf(field)).toEqual(fieldBefore)
      // On a laptop the key and the button share one line, as tall as each other.
      if (viewport === DESKTOP) expect(fieldBefore.height).toBe(copyBefore.height)
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)

      await dialog.getByRole('button', { name: 'Done' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await page.content()).not.toContain(key)
    })
  }

  it('asks before closing the new key dialog when the key was never copied', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await openPage(DESKTOP)
    await logInThroughPage(page, server.url, account)
    await page.getByRole('button', { name: 'Create key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save your API key' })

    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'You haven’t copied the key yet.' }).waitFor()
    await dialog.getByRole('button', { name: 'Go back' }).and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Done' }).and(page.locator(':focus')).waitFor()

    await page.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Close without copying' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('draws keys in a face that tells l, I, 1, 0 and O apart', async () => {
    const account = await server.createUser({ plan: 'pro' })
    await openPage(DESKTOP)
    await logInThroughPage(page, server.url, account)
    await page.getByRole('button', { name: 'Create key' }).click()
    const field = page.getByRole('dialog', { name: 'Save your API key' }).getByLabel('API key')
    await field.waitFor()

    const style = await field.evaluate((element) => {
      const computed = getComputedStyle(element)
      return { family: computed.fontFamily, numeric: computed.fontVariantNumeric }
    })
    expect(style.numeric).toContain('slashed-zero')
    // Ask Chromium which installed face it actually drew the key with.
    const cdp = await context.newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    // The text of a form control is drawn in its user-agent shadow tree: ask about that node.
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true })
    type DomNode = {
      nodeId: number
      nodeName: string
      attributes?: string[]
      children?: DomNode[]
      shadowRoots?: DomNode[]
    }
    const find = (node: DomNode, test: (node: DomNode) => boolean): DomNode | undefined =>
      test(node)
        ? node
        : [...(node.children ?? []), ...(node.shadowRoots ?? [])].map((child) => find(child, test)).find(Boolean)
    const textarea = find(root, (node) => node.nodeName === 'TEXTAREA' && !!node.attributes?.includes('readonly'))
    const editor =
      textarea && find({ ...textarea, children: [] }, (node) => node !== textarea && node.nodeName === 'DIV')
    if (!editor) throw new Error('No text inside the key field')
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: editor.nodeId })
    const faces = fonts.map((font) => font.familyName)
    expect(faces.length).toBeGreaterThan(0)
    // Debian's Chromium draws it with DejaVu Sans Mono, whose 0 is marked and l, I, 1 differ;
    // another system must name one of the faces of the stack, never Courier New.
    expect(style.family.split(',')[0]).toBe('ui-monospace')
    expect(faces.some((face) => /Courier/i.test(face))).toBe(false)
    expect(faces.every((face) => ['DejaVu Sans Mono', 'SF Mono', 'Menlo', 'Consolas'].includes(face))).toBe(true)
  })

  it('visiting the login page logged out writes no error to the console', async () => {
    await openPage(DESKTOP)
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    const failed: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`)
    })
    await page.goto(`${server.url}/dashboard/login`)
    await page.getByRole('button', { name: 'Log in' }).waitFor()
    await page.goto(`${server.url}/dashboard/settings`)
    await page.waitForURL('**/dashboard/login')
    await page.getByRole('button', { name: 'Log in' }).waitFor()

    expect(failed).toEqual([])
    expect(consoleErrors).toEqual([])
  })

  for (const viewport of [PHONE, DESKTOP]) {
    it(`at ${viewport.width} px a login error or a missing field moves neither the card nor the fields`, async () => {
      const account = await server.createUser({ plan: 'pro' })
      await openPage(viewport)
      await page.goto(`${server.url}/dashboard/login`)
      const card = page.getByRole('heading', { name: 'Log in to your dashboard' }).locator('..')
      const parts = [
        card,
        page.getByLabel('Email address'),
        page.getByLabel('Password'),
        page.getByRole('button', { name: 'Log in' }),
      ]
      await parts[3]!.waitFor()
      const before = await Promise.all(parts.map(boxOf))

      // Both fields missing: two messages, in the space kept for them.
      await page.getByRole('button', { name: 'Log in' }).click()
      await page.getByRole('alert').filter({ hasText: 'Enter your password.' }).waitFor()
      expect(await page.getByRole('alert').count()).toBe(2)
      expect(await Promise.all(parts.map(boxOf))).toEqual(before)

      await page.getByLabel('Email address').fill(account.email)
      await page.getByLabel('Password').fill('definitely not it')
      await page.getByRole('button', { name: 'Log in' }).click()
      await page.getByRole('alert').filter({ hasText: 'Invalid email or password.' }).waitFor()

      expect(await Promise.all(parts.map(boxOf))).toEqual(before)
    })
  }
})
