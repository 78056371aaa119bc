/**
 * `npm run screenshots`: renders the dashboard in headless Chromium against a real server on a
 * throwaway PGlite database and saves PNGs to apps/web/screenshots/ for review.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createApiKey, revokeApiKey, rotateApiKey, setUserPlan } from '@storra/api'
import { callClientApi, type TestServer } from '@storra/server/testing'
import { CHROMIUM_PATH, hasChromium, launchChromium } from './browser.ts'
import { startDashboardServer } from './dashboard-server.ts'
import { logInThroughPage } from './dashboard-page.ts'
import { ensureWebAppBuilt, WEB_ROOT } from './web-app-build.ts'

const OUT_DIR = join(WEB_ROOT, 'screenshots')
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Makes seeded rows look like an account in use for a while, not one created a second ago. */
async function backdate(server: TestServer, table: 'users' | 'api_keys', id: string, ageMs: number): Promise<void> {
  const createdAt = new Date(Date.now() - ageMs).toISOString()
  // Both values are our own (a generated uuid, a formatted date), never outside input.
  await server.services.database.db.execute(`update ${table} set created_at = '${createdAt}' where id = '${id}'`)
}

async function main(): Promise<void> {
  if (!hasChromium) throw new Error(`No Chromium at ${CHROMIUM_PATH}; cannot take screenshots.`)
  mkdirSync(OUT_DIR, { recursive: true })
  await ensureWebAppBuilt()
  const server = await startDashboardServer()
  const browser = await launchChromium()
  try {
    const pro = await server.createUser({ email: 'ada@storra.dev', plan: 'pro' })
    await backdate(server, 'users', pro.id, 140 * DAY)
    const keys = []
    for (const [label, age] of [
      ['Local development', 75 * DAY],
      ['Analytics export', 41 * DAY],
      ['CI deploy (GitHub Actions)', 12 * DAY],
      ['Production server', 2 * DAY],
    ] as const) {
      const key = await createApiKey(server.services, pro.id, label)
      await backdate(server, 'api_keys', key.id, age)
      keys.push(key)
    }
    // A real request for one key; earlier uses for others, as an account in service would have.
    await callClientApi(server.url, keys[3]!.key)
    server.services.lastUsed.recordUse(keys[2]!.id, 'ok', '203.0.113.7', 'curl/8.5.0', Date.now() - 3 * HOUR)
    server.services.lastUsed.recordUse(keys[1]!.id, 'ok', '198.51.100.20', 'python-requests/2.32', Date.now() - 9 * DAY)
    await server.services.lastUsed.flush(true)

    // The key lifecycle: one key expiring soon, one being rotated, one revoked long ago.
    const expiring = await createApiKey(server.services, pro.id, {
      label: 'Nightly backup',
      expires_at: new Date(Date.now() + 3 * DAY + HOUR).toISOString(),
    })
    await backdate(server, 'api_keys', expiring.id, 87 * DAY)
    await rotateApiKey(server.services, pro.id, keys[2]!.prefix, { grace_period_seconds: DAY / 1000 })
    await callClientApi(server.url, keys[2]!.key)
    const retired = await createApiKey(server.services, pro.id, 'Old laptop')
    await revokeApiKey(server.services, pro.id, retired.prefix, 'user')

    const free = await server.createUser({ email: 'grace@storra.dev', plan: 'pro' })
    await backdate(server, 'users', free.id, 400 * DAY)
    const oldKey = await createApiKey(server.services, free.id, 'Old integration')
    await backdate(server, 'api_keys', oldKey.id, 380 * DAY)
    await setUserPlan(server.services, { userId: free.id }, 'free')
    const empty = await server.createUser({ email: 'linus@storra.dev', plan: 'pro' })

    const context = await browser.newContext({ viewport: { width: 1280, height: 820 }, deviceScaleFactor: 1 })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    const page = await context.newPage()
    // Dialogs cover the viewport, so those are taken at viewport size; pages in full.
    const shot = async (name: string, { fullPage = true } = {}) => {
      await page.screenshot({ path: join(OUT_DIR, `${name}.png`), fullPage })
      console.log(`wrote screenshots/${name}.png`)
    }

    await page.goto(`${server.url}/dashboard/login`)
    await page.getByRole('button', { name: 'Log in' }).waitFor()
    await shot('login')

    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByText('Enter your password.').waitFor()
    await shot('login-missing-fields')

    await page.getByLabel('Email address').fill(pro.email)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByText('Invalid email or password.').waitFor()
    await shot('login-error')

    await logInThroughPage(page, server.url, pro)
    await page.getByRole('table').waitFor()
    await shot('settings-keys')

    await page.getByRole('switch', { name: 'Show revoked and expired' }).check()
    await page.getByRole('table', { name: 'Revoked and expired keys' }).waitFor()
    await shot('settings-keys-history')
    await page.getByRole('switch', { name: 'Show revoked and expired' }).uncheck()

    await page.getByRole('button', { name: `Rotate key ${keys[3]!.prefix}` }).click()
    await page.getByRole('dialog', { name: 'Rotate API key' }).waitFor()
    await shot('rotate-dialog', { fullPage: false })
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: `Edit key ${keys[3]!.prefix}` }).click()
    await page.getByRole('dialog', { name: 'Edit API key' }).waitFor()
    await shot('edit-dialog', { fullPage: false })
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.getByLabel('Key label').fill('Staging server')
    await page.getByRole('button', { name: 'Create key' }).click()
    await page.getByRole('dialog', { name: 'Save your API key' }).waitFor()
    await page.getByRole('button', { name: 'Copy' }).click()
    await page.getByRole('button', { name: 'Copied' }).waitFor()
    await shot('created-key-dialog', { fullPage: false })
    await page.getByRole('button', { name: 'Done' }).click()

    await page.getByRole('button', { name: `Revoke key ${keys[0]!.prefix}` }).click()
    await page.getByRole('dialog', { name: 'Revoke API key' }).waitFor()
    await shot('revoke-dialog', { fullPage: false })

    for (const account of [free, empty]) {
      await context.clearCookies()
      await logInThroughPage(page, server.url, account)
      await page.getByText(account === free ? 'Old integration' : 'No API keys yet').waitFor()
      await shot(account === free ? 'settings-free-plan' : 'settings-empty')
    }

    // The API unreachable (every call aborted): the page says so and offers a retry.
    await context.clearCookies()
    await page.route('**/api/v1/**', (route) => route.abort())
    await page.goto(`${server.url}/dashboard/settings`)
    await page.getByRole('heading', { name: 'Couldn’t load your dashboard' }).waitFor()
    await shot('unreachable', { fullPage: false })
    await page.unroute('**/api/v1/**')

    await page.setViewportSize({ width: 390, height: 844 })
    await context.clearCookies()
    await page.goto(`${server.url}/dashboard/login`)
    await page.getByLabel('Email address').fill(pro.email)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByText('Invalid email or password.').waitFor()
    await shot('login-error-mobile')

    await logInThroughPage(page, server.url, pro)
    await page.getByRole('table').waitFor()
    await shot('settings-mobile')

    await page.getByLabel('Key label').fill('Phone key')
    await page.getByRole('button', { name: 'Create key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save your API key' })
    await dialog.waitFor()
    await shot('created-key-dialog-mobile', { fullPage: false })
    await dialog.getByRole('button', { name: 'Done' }).click()
    await dialog.getByRole('button', { name: 'Close without copying' }).waitFor()
    await shot('created-key-confirm-mobile', { fullPage: false })
    await dialog.getByRole('button', { name: 'Close without copying' }).click()

    await page.getByLabel('Key label').fill('x'.repeat(104))
    await shot('label-too-long-mobile', { fullPage: false })
    await context.close()
  } finally {
    await browser.close()
    await server.dispose()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
