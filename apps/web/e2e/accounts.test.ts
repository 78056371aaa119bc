import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createApiKey, issuePasswordResetLink, setUserPlan } from '@storra/api'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import { callClientApi, startTestServer, testDatabaseTargets, type TestServer } from '@storra/server/testing'
import { resetLinkIn, SmtpInbox, StripeStandIn } from '@storra/server/testing/stand-ins'
import { hasChromium, launchChromium } from './browser.ts'
import { logInThroughPage, watchForPageProblems } from './dashboard-page.ts'
import { WEB_DIST_DIR } from './web-app-build.ts'

// Account pages in Chromium against a real server with Stripe and SMTP stand-ins on loopback.
describe.skipIf(!hasChromium)('account pages in Chromium', () => {
  let stripe: StripeStandIn
  let inbox: SmtpInbox
  let server: TestServer
  let browser: Browser
  const contexts: BrowserContext[] = []
  const watchers: string[][] = []

  beforeAll(async () => {
    stripe = await new StripeStandIn().start()
    inbox = await new SmtpInbox().start()
    ;[server, browser] = await Promise.all([
      startTestServer(testDatabaseTargets()[0]!, {
        web: { distDir: WEB_DIST_DIR },
        stripe: stripe.settings(),
        mail: { url: inbox.url, from: 'Storra <no-reply@example.com>' },
      }),
      launchChromium(),
    ])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
    await inbox?.stop()
    await stripe?.stop()
  })
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close()
    expect(watchers.splice(0).flat()).toEqual([])
  })

  async function openPage(): Promise<Page> {
    const context = await browser.newContext()
    contexts.push(context)
    const page = await context.newPage()
    watchers.push(watchForPageProblems(page))
    return page
  }

  it('changes the password in Settings: other sessions end, the new password signs in', async () => {
    const account = await server.createUser({ plan: 'free' })
    const elsewhere = await openPage()
    await logInThroughPage(elsewhere, server.url, account)
    const page = await openPage()
    await logInThroughPage(page, server.url, account)

    const security = page.getByRole('region', { name: 'Security' })
    await security.getByLabel('Current password').fill(account.password)
    await security.getByLabel('New password', { exact: true }).fill('a fresh password 42')
    await security.getByLabel('Repeat new password').fill('a fresh password 42')
    await security.getByRole('button', { name: 'Change password' }).click()
    await security.getByText(ACCOUNT_MESSAGES.passwordChanged).waitFor()

    // This session continues; the other one is over.
    await page.reload()
    await page.getByRole('region', { name: 'Security' }).waitFor()
    await elsewhere.reload()
    await elsewhere.waitForURL('**/dashboard/login')

    await logInThroughPage(elsewhere, server.url, { email: account.email, password: 'a fresh password 42' })
  })

  it('a reset link from an admin sets a new password on its page, once', async () => {
    const account = await server.createUser({ plan: 'free' })
    const link = await issuePasswordResetLink(server.services, { userId: account.id })
    const page = await openPage()
    await page.goto(link.url)
    await page.getByRole('heading', { name: 'Set a new password' }).waitFor()
    await page.getByLabel('New password', { exact: true }).fill('reset in the browser')
    await page.getByLabel('Repeat new password').fill('reset in the browser')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText(ACCOUNT_MESSAGES.passwordReset).waitFor()
    // The token left the address bar.
    expect(new URL(page.url()).hash).toBe('')

    await logInThroughPage(page, server.url, { email: account.email, password: 'reset in the browser' })

    // The same link again: refused, with the one sentence for every bad link.
    const again = await openPage()
    await again.goto(link.url)
    await again.getByLabel('New password', { exact: true }).fill('another new password')
    await again.getByLabel('Repeat new password').fill('another new password')
    await again.getByRole('button', { name: 'Set new password' }).click()
    await again.getByText('This password reset link is invalid, used or expired.', { exact: false }).waitFor()
  })

  it('an admin issues a reset link in the Admin page, changes a role and deletes an account', async () => {
    const admin = await server.createUser({ plan: 'free', role: 'admin' })
    const forgetful = await server.createUser({ plan: 'free' })
    const leaving = await server.createUser({ plan: 'pro' })
    const leavingKey = await createApiKey(server.services, leaving.id, 'to be revoked')
    const page = await openPage()
    await logInThroughPage(page, server.url, admin)
    await page.getByRole('link', { name: 'Admin' }).click()
    await page.waitForURL('**/dashboard/admin')

    await page.getByRole('button', { name: `Password reset link for ${forgetful.email}` }).click()
    const url = await page.getByTestId('reset-link').textContent()
    await page.getByRole('combobox', { name: `Role of ${forgetful.email}` }).selectOption('admin')
    await expect
      .poll(() => page.getByRole('combobox', { name: `Role of ${forgetful.email}` }).inputValue())
      .toBe('admin')

    await page.getByRole('button', { name: `Delete ${leaving.email}` }).click()
    await page.getByRole('button', { name: `Confirm: delete ${leaving.email} and revoke its keys` }).click()
    await page.getByRole('rowheader', { name: leaving.email }).waitFor({ state: 'detached' })
    expect((await callClientApi(server.url, leavingKey.key)).status).toBe(401)

    const reset = await openPage()
    await reset.goto(url!)
    await reset.getByLabel('New password', { exact: true }).fill('set from the console')
    await reset.getByLabel('Repeat new password').fill('set from the console')
    await reset.getByRole('button', { name: 'Set new password' }).click()
    await reset.getByText(ACCOUNT_MESSAGES.passwordReset).waitFor()
    await logInThroughPage(reset, server.url, { email: forgetful.email, password: 'set from the console' })
    // The new admin sees the Admin page too.
    await reset.getByRole('link', { name: 'Admin' }).waitFor()
  })

  it('"Forgot password?" mails a link that works', async () => {
    const account = await server.createUser({ plan: 'free' })
    const page = await openPage()
    await page.goto(`${server.url}/dashboard/login`)
    await page.getByText('Forgot password?').click()
    await page.getByLabel('Email for the reset link').fill(account.email)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByText(ACCOUNT_MESSAGES.resetRequested).waitFor()

    const link = resetLinkIn(await inbox.waitFor(account.email))
    await page.goto(link)
    await page.getByLabel('New password', { exact: true }).fill('mailed link password')
    await page.getByLabel('Repeat new password').fill('mailed link password')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText(ACCOUNT_MESSAGES.passwordReset).waitFor()
    await logInThroughPage(page, server.url, { email: account.email, password: 'mailed link password' })
  })

  it('a free account upgrades through Checkout and its key starts working without a restart', async () => {
    const account = await server.createUser({ plan: 'pro' })
    const { key } = await createApiKey(server.services, account.id, 'upgrade test')
    await setUserPlan(server.services, { userId: account.id }, 'free')
    expect((await callClientApi(server.url, key)).status).toBe(403)

    const page = await openPage()
    await logInThroughPage(page, server.url, account)
    await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Upgrade to Cloud Pro' }).click()
    await page.getByRole('heading', { name: 'Stripe stand-in checkout' }).waitFor()
    const checkoutUrl = page.url()

    const delivered = await StripeStandIn.deliver(
      `${server.url}/api/v1/billing/stripe/webhook`,
      stripe.completeCheckout(checkoutUrl),
    )
    expect(delivered.status).toBe(200)
    expect((await callClientApi(server.url, key)).status).toBe(200)

    await page.goto(`${server.url}/dashboard/settings?checkout=success`)
    const accountCard = page.getByRole('region', { name: 'Account' })
    await accountCard.getByText('Cloud Pro', { exact: true }).waitFor()
    await accountCard.getByRole('button', { name: 'Manage billing' }).waitFor()
  })

  it('"Log out of all sessions" ends this session too', async () => {
    const account = await server.createUser({ plan: 'free' })
    const page = await openPage()
    await logInThroughPage(page, server.url, account)
    await page.getByRole('button', { name: 'Log out of all sessions' }).click()
    await page.waitForURL('**/dashboard/login')
  })
})
