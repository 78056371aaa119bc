import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { hasChromium, launchChromium, warnIfNoChromium } from '@storra/server/testing/browser'
import type { PreviewServer } from 'vite'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey, endAllSessions, findUserById, revokeApiKey } from '@storra/api'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import {
  callClientApi,
  DashboardRestClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '@storra/server/testing'
import type { DesktopApi } from '../src/shared/desktop-api.ts'
import { createAesGcmEncryption } from './support/aes-gcm-encryption.ts'
import { readStateFile, startTestMain } from './support/desktop-test-main.ts'
import { bundleTestBridge, openApp, previewUrl, serveBuiltRenderer, type AppPage } from './support/renderer-harness.ts'
import { TcpProxy } from './support/tcp-proxy.ts'
import { temporaryDirectory } from './support/temporary-directory.ts'

warnIfNoChromium('THE DESKTOP RENDERER TESTS')

describe.skipIf(!hasChromium)('desktop renderer in Chromium, talking to the real main-process modules', () => {
  let server: TestServer
  let renderer: PreviewServer
  let browser: Browser
  let bridge: string
  let rendererUrl: string
  const buildDir = temporaryDirectory()
  const encryption = createAesGcmEncryption()
  let userData: ReturnType<typeof temporaryDirectory>
  const opened: AppPage[] = []

  beforeAll(async () => {
    const [started, served, bundled, launched] = await Promise.all([
      startTestServer(testDatabaseTargets()[0]!),
      serveBuiltRenderer(join(buildDir.path, 'renderer')),
      bundleTestBridge(buildDir.path),
      launchChromium(),
    ])
    ;[server, renderer, bridge, browser] = [started, served, bundled, launched]
    rendererUrl = previewUrl(renderer)
  })
  afterAll(async () => {
    await browser?.close()
    await renderer?.close()
    await server?.dispose()
    buildDir.remove()
  })
  beforeEach(() => {
    userData = temporaryDirectory()
  })
  afterEach(async () => {
    for (const app of opened.splice(0)) {
      await app.close()
      // The strict CSP must hold for the shipped build: no violations, no errors.
      expect(app.problems).toEqual([])
    }
    userData.remove()
  })

  /** Starts the app: a main process over this test's userData, and its window. */
  async function launchApp() {
    const main = await startTestMain(userData.path, encryption)
    const app = await openApp(browser, rendererUrl, bridge, main)
    opened.push(app)
    return { main, page: app.page, answers: app.answers }
  }

  async function signIn(page: AppPage['page'], serverUrl: string, email: string, password: string) {
    await page.getByLabel('Server').fill(serverUrl)
    await page.getByLabel('Email').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
  }

  it('signs in, creates a key shown once, copies it through main, and revokes it', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const { main, page } = await launchApp()

    await page.getByRole('heading', { name: 'Sign in to Storra' }).waitFor()
    expect(await page.getByLabel('Server').inputValue()).toBe('http://localhost:3000')
    await signIn(page, server.url, user.email, 'wrong password!')
    await page.getByText('Invalid email or password.').waitFor()
    await page.getByLabel('Password').fill(user.password)
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.getByTestId('signed-in-email').getByText(user.email).waitFor()
    await page.getByText('No API keys yet').waitFor()

    await page.getByLabel('Key label').fill('Deploy bot')
    await page.getByRole('button', { name: 'Create key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Save your API key' })
    const key = await dialog.getByLabel('API key').inputValue()
    expect(key).toMatch(/^sk_[0-9A-Za-z]{38}$/)

    await dialog.getByRole('button', { name: 'Copy' }).click()
    await dialog.getByRole('button', { name: 'Copied' }).waitFor()
    expect(main.clipboard.text).toBe(key)

    await dialog.getByRole('button', { name: 'Done' }).click()
    const prefix = key.slice(0, 11)
    await page
      .getByRole('row', { name: /Deploy bot/ })
      .getByText(prefix)
      .waitFor()
    // Shown once: after the dialog closes, the full key is nowhere in the page.
    expect(await page.content()).not.toContain(key)
    expect((await callClientApi(server.url, key)).status).toBe(200)

    await page.getByRole('button', { name: `Revoke key ${prefix}` }).click()
    await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: 'Revoke key' }).click()
    await page.getByText('No API keys yet').waitFor()
    expect((await callClientApi(server.url, key)).status).toBe(401)
    main.secretClipboard.clearNow()
  })

  it('flags a revoked key that is still being tried today', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const created = await createApiKey(server.services, user.id, { label: 'Old deploy' })
    await revokeApiKey(server.services, user.id, created.prefix)
    for (let i = 0; i < 2; i++) expect((await callClientApi(server.url, created.key)).status).toBe(401)
    await server.services.lastUsed.flush()

    const { page } = await launchApp()
    await signIn(page, server.url, user.email, user.password)
    await page.getByText(/revoked .*, tried 2 times today/).waitFor()
  })

  it('shows a free account why it cannot create keys, and how upgrades work on a server without Stripe', async () => {
    const user = await server.createUser({ plan: 'free' })
    const { page } = await launchApp()
    await signIn(page, server.url, user.email, user.password)
    await page.getByText('API access requires Cloud Pro plan. Upgrade to use the API.').waitFor()
    // No link that would only lead back here: the operator changes plans on this server.
    await page.getByText(ACCOUNT_MESSAGES.upgradeHowTo).waitFor()
    expect(await page.getByRole('link', { name: 'Upgrade to Cloud Pro' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Admin console' }).count()).toBe(0)
  })

  it('resumes the stored session after a restart, and goes back to sign-in once the server ends it', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const first = await launchApp()
    await signIn(first.page, server.url, user.email, user.password)
    await first.page.getByText('No API keys yet').waitFor()

    const restarted = await launchApp()
    await restarted.page.getByTestId('signed-in-email').getByText(user.email).waitFor()
    await restarted.page.getByText('No API keys yet').waitFor()

    await endAllSessions(server.services, user.id)
    await restarted.page.getByRole('button', { name: 'Create key' }).click()
    await restarted.page.getByText('Your session has ended. Sign in again.').waitFor()
    expect(await restarted.page.getByLabel('Server').inputValue()).toBe(server.url)

    // The next start finds no session, but remembers the server.
    const again = await launchApp()
    await again.page.getByRole('heading', { name: 'Sign in to Storra' }).waitFor()
    expect(await again.page.getByLabel('Server').inputValue()).toBe(server.url)
  })

  it('says when the server cannot be reached, and carries on once it is back', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const proxy = new TcpProxy({ host: '127.0.0.1', port: server.port })
    await proxy.start()
    try {
      const first = await launchApp()
      await signIn(first.page, proxy.url, user.email, user.password)
      await first.page.getByText('No API keys yet').waitFor()

      await proxy.stop()
      const restarted = await launchApp()
      await restarted.page.getByRole('heading', { name: 'Can’t reach the server' }).waitFor()
      await restarted.page.getByText(`Can't reach ${proxy.url}.`, { exact: false }).waitFor()

      await proxy.start()
      await restarted.page.getByRole('button', { name: 'Try again' }).click()
      await restarted.page.getByText('No API keys yet').waitFor()
    } finally {
      await proxy.stop()
    }
  })

  it('runs procedures through window.api.call without the session cookie ever reaching the page', async () => {
    const admin = await server.createUser({ plan: 'pro', role: 'admin' })
    const { main, page, answers } = await launchApp()
    await signIn(page, server.url, admin.email, admin.password)
    await page.getByText('No API keys yet').waitFor()
    await page.getByRole('button', { name: 'Admin console' }).click()
    await page.getByRole('table', { name: 'Accounts' }).waitFor()

    // What the page can reach: three groups on window.api, and the allowlist behind `call`.
    const reach = await page.evaluate(async () => {
      // Runs in the page; this file is compiled without the DOM library.
      const { api, document } = globalThis as unknown as { api: DesktopApi; document: { cookie: string } }
      const loose = api.call as (path: string, input?: unknown) => Promise<unknown>
      return {
        api: Object.keys(api),
        cookie: document.cookie,
        me: await api.call('auth.me'),
        login: await loose('auth.login', { email: 'someone@example.com', password: 'x' }),
        logout: await loose('auth.logout'),
      }
    })
    expect(reach.api).toEqual(['session', 'call', 'clipboard'])
    expect(reach.cookie).toBe('')
    expect(reach.me).toMatchObject({ ok: true, value: { user: { email: admin.email } } })
    const refused = { ok: false, error: { code: 'invalid-input', message: 'The app does not offer that operation.' } }
    expect([reach.login, reach.logout]).toEqual([refused, refused])

    const sealed = readStateFile(main).session!
    const cookie: string = JSON.parse(encryption.decrypt(Buffer.from(sealed, 'base64'))).cookies[0].value
    expect(answers.length).toBeGreaterThan(5)
    for (const answer of answers) expect(answer).not.toContain(cookie)
    expect(await page.content()).not.toContain(cookie)
  })

  it('gives admins a console to search accounts, change plans and revoke any account’s keys', async () => {
    const admin = await server.createUser({ plan: 'pro', role: 'admin' })
    const customer = await server.createUser({ plan: 'pro' })
    const customerClient = new DashboardRestClient(server.url)
    await customerClient.login(customer.email, customer.password)
    const customerKey = await customerClient.createKey('Customer server')

    const { page } = await launchApp()
    await signIn(page, server.url, admin.email, admin.password)
    await page.getByRole('button', { name: 'Admin console' }).click()

    await page.getByRole('searchbox', { name: 'Search accounts by email' }).fill(customer.email)
    await page.getByRole('button', { name: 'Search' }).click()
    const accounts = page.getByRole('table', { name: 'Accounts' })
    await expect.poll(() => accounts.getByRole('row').count()).toBe(2)
    const row = accounts.getByRole('row', { name: new RegExp(customer.email.replace(/[.+]/g, '\\$&')) })
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('1')

    await page.getByLabel(`Plan of ${customer.email}`).selectOption('free')
    await expect.poll(async () => (await findUserById(server.services, customer.id))?.plan).toBe('free')

    await page.getByRole('button', { name: `View keys of ${customer.email}` }).click()
    await page.getByRole('heading', { name: `Active keys of ${customer.email}` }).waitFor()
    await page.getByRole('button', { name: `Revoke key ${customerKey.prefix}` }).click()
    await page.getByRole('dialog', { name: 'Revoke API key' }).getByRole('button', { name: 'Revoke key' }).click()
    await page.getByText('This account has no active keys.').waitFor()
    // Operators see the key's history too: when and why it ended.
    const ended = page.getByRole('table', { name: `Revoked and expired keys of ${customer.email}` })
    await expect
      .poll(() => ended.getByRole('row').filter({ hasText: customerKey.prefix }).textContent())
      .toContain('Revoked by an administrator')
    await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('0')
    expect((await callClientApi(server.url, customerKey.key)).status).toBe(401)
  })
})
