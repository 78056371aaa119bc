import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { callClientApi, type TestServer } from '@storra/server/testing'
import { hasChromium, launchChromium } from './browser.ts'
import { logInThroughPage, watchForPageProblems } from './dashboard-page.ts'
import { startDashboardServer } from './dashboard-server.ts'

// Issue 11: rotate → copy the new key → old key still works → old key silent → old key refused,
// through the dashboard in Chromium against a real server. The server closes quiet rotations
// after ROTATION_QUIET_SECONDS and sweeps often, so the walk takes seconds, not 15 minutes.
const ROTATION_QUIET_SECONDS = 2
const SWEEP_INTERVAL_MS = 200
const KEY_PATTERN = /^sk_[0-9A-Za-z]{38}$/
// Bounds for polling a condition (never asserted as durations).
const POLL = { timeout: 30_000, interval: 250 }

describe.skipIf(!hasChromium)('the key lifecycle in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let problems: string[]

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([
      startDashboardServer({
        keys: { rotationQuietSeconds: ROTATION_QUIET_SECONDS, rotationSweepIntervalMs: SWEEP_INTERVAL_MS },
      }),
      launchChromium(),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
  })
  afterEach(async () => {
    await context?.close()
    expect(problems).toEqual([])
  })

  it('rotates a key with a 24 hour grace period that closes itself once the old key falls silent', async () => {
    const account = await server.createUser({ plan: 'pro' })
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    page = await context.newPage()
    problems = watchForPageProblems(page)
    await logInThroughPage(page, server.url, account)
    const section = page.getByRole('region', { name: 'API Keys' })

    // Create a key (90 days by default) and keep it, as a deployed service would.
    await section.getByLabel('Key label').fill('Deploy key')
    await section.getByRole('button', { name: 'Create key' }).click()
    const created = page.getByRole('dialog', { name: 'Save your API key' })
    const oldKey = await created.getByLabel('API key').inputValue()
    expect(oldKey).toMatch(KEY_PATTERN)
    await created.getByRole('button', { name: 'Copy' }).click()
    await created.getByRole('button', { name: 'Done' }).click()
    await created.waitFor({ state: 'detached' })
    const oldPrefix = oldKey.slice(0, 11)
    const oldRow = section.getByRole('row').filter({ hasText: oldPrefix })
    await expect.poll(() => oldRow.textContent(), POLL).toContain('Expires in 90 days')
    expect((await callClientApi(server.url, oldKey)).status).toBe(200)

    // Rotate with the default grace period, 24 hours.
    await section.getByRole('button', { name: `Rotate key ${oldPrefix}` }).click()
    const rotate = page.getByRole('dialog', { name: 'Rotate API key' })
    expect(await rotate.getByRole('radio', { name: '24 hours' }).isChecked()).toBe(true)
    expect(await rotate.textContent()).toContain(
      `once the new key has been used and the old key has had no requests for ${ROTATION_QUIET_SECONDS} s, the old key is revoked`,
    )
    await rotate.getByRole('button', { name: 'Rotate key' }).click()

    // The new key, shown once, copied from the dialog.
    const shown = page.getByRole('dialog', { name: 'Save your API key' })
    const field = shown.getByLabel('API key')
    await field.waitFor()
    const newKey = await field.inputValue()
    expect(newKey).toMatch(KEY_PATTERN)
    expect(newKey).not.toBe(oldKey)
    await shown.getByRole('button', { name: 'Copy' }).click()
    await shown.getByRole('button', { name: 'Copied' }).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(newKey)
    await shown.getByRole('button', { name: 'Done' }).click()
    await shown.waitFor({ state: 'detached' })
    expect(await page.content()).not.toContain(newKey)

    // The old key is rotating: it still works, and the page says how it stands and how it will end.
    const newPrefix = copied.slice(0, 11)
    expect((await callClientApi(server.url, oldKey)).status).toBe(200)
    expect(await section.getByRole('button', { name: `Rotate key ${oldPrefix}` }).count()).toBe(0)
    await expect
      .poll(async () => {
        await page.reload()
        await section.getByRole('switch', { name: 'Show revoked and expired' }).waitFor()
        return oldRow.textContent()
      }, POLL)
      .toContain('Old key still used just now')
    const rotating = await oldRow.textContent()
    expect(rotating).toContain(`Rotating → ${newPrefix}`)
    expect(rotating).toContain(`Will end when silent for ${ROTATION_QUIET_SECONDS} s or at`)
    // Until the new key is used the quiet rule waits, however long the old key is silent.
    expect(rotating).toContain('New key not used yet')

    // The deployment switches over: the new key is used, the old one falls silent.
    const viaNewKey = await callClientApi(server.url, copied)
    expect(viaNewKey.status).toBe(200)
    expect(((await viaNewKey.json()) as { email: string }).email).toBe(account.email)

    // The sweep closes the grace period by itself. Watched through the dashboard API, as the page
    // sees it: asking the client API with the old key would be a use that keeps it alive.
    const stateOfOldKey = () =>
      page.evaluate(async (prefix) => {
        const response = await fetch('/api/v1/dashboard/users/me/api-keys?state=all')
        const listed = (await response.json()) as Array<{ prefix: string; state: string; revoked_reason: string }>
        const key = listed.find((candidate) => candidate.prefix === prefix)
        return key && `${key.state} ${key.revoked_reason}`
      }, oldPrefix)
    await expect.poll(stateOfOldKey, POLL).toBe('revoked rotation_quiet')

    // Refused now, as revoked keys are; the new key carries on.
    const refused = await callClientApi(server.url, oldKey)
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ detail: 'User not found.' })
    expect((await callClientApi(server.url, copied)).status).toBe(200)

    // The page shows it among the revoked keys, with the reason in words.
    await section.getByRole('switch', { name: 'Show revoked and expired' }).check()
    const ended = section.getByRole('table', { name: 'Revoked and expired keys' })
    const endedRow = ended.getByRole('row').filter({ hasText: oldPrefix })
    await expect.poll(() => endedRow.textContent(), POLL).toContain('Closed after the old key went quiet')
    const live = section.getByRole('table', { name: 'Your API keys' })
    expect(await live.getByRole('row').filter({ hasText: oldPrefix }).count()).toBe(0)
    expect(await live.getByRole('row').filter({ hasText: newPrefix }).textContent()).toContain('Deploy key')
  })
})
