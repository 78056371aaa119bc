import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, inject, it } from 'vitest'
import { CookieJarFetch } from '../test/cookie-jar-fetch.ts'
import { renderDashboard } from '../test/render-dashboard.tsx'

const { url: apiUrl, accounts } = inject('dashboardApi')
const KEY_PATTERN = /^sk_[0-9A-Za-z]{38}$/

async function renderSettingsAs(account: { email: string; password: string }) {
  const jar = new CookieJarFetch()
  await jar.logIn(apiUrl, account)
  const rendered = renderDashboard('/dashboard/settings', jar)
  await screen.findByRole('heading', { name: 'Settings', level: 1 })
  return rendered
}

function callClientApi(key: string): Promise<Response> {
  return fetch(`${apiUrl}/api/v1/client/users/me`, { headers: { 'x-api-key': key } })
}

describe('Settings page', () => {
  it('shows the account’s email and plan', async () => {
    await renderSettingsAs(accounts.settingsPro)
    const account = screen.getByRole('region', { name: 'Account' })
    expect(within(account).getByText(accounts.settingsPro.email)).toBeVisible()
    expect(within(account).getByText('Cloud Pro')).toBeVisible()
    // Once in the card, once in the header beside Log out.
    expect(screen.getAllByText(accounts.settingsPro.email)).toHaveLength(2)
  })

  it('shows the plan badge once, in the Account card', async () => {
    await renderSettingsAs(accounts.settingsPro)
    await within(screen.getByRole('region', { name: 'API Keys' })).findByText('No API keys yet')

    const badges = screen.getAllByText('Cloud Pro')
    expect(badges).toHaveLength(1)
    expect(screen.getByRole('region', { name: 'Account' })).toContainElement(badges[0]!)
  })

  it('creates a key, shows it once, and lists it without the secret; revoking removes it everywhere', async () => {
    const user = userEvent.setup()
    await renderSettingsAs(accounts.settingsPro)
    const keys = screen.getByRole('region', { name: 'API Keys' })
    expect(await within(keys).findByText('No API keys yet')).toBeVisible()

    await user.type(within(keys).getByLabelText('Key label'), 'Unit test key')
    await user.click(within(keys).getByRole('button', { name: 'Create key' }))
    const dialog = await screen.findByRole('dialog', { name: 'Save your API key' })
    const key = within(dialog).getByLabelText<HTMLInputElement>('API key').value
    expect(key).toMatch(KEY_PATTERN)
    expect(dialog).toHaveTextContent('This key will not be shown again.')

    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    // Issue 10 item 13: closing without copying the key asks first.
    await user.click(within(dialog).getByRole('button', { name: 'Close without copying' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(document.body.innerHTML).not.toContain(key)
    const prefix = key.slice(0, 11)
    const row = (await within(keys).findByText(prefix)).closest('tr')!
    expect(row).toHaveTextContent('Unit test key')
    expect(row).toHaveTextContent('Never')
    expect((await callClientApi(key)).status).toBe(200)

    await user.click(within(row).getByRole('button', { name: `Revoke key ${prefix}` }))
    const confirm = await screen.findByRole('dialog', { name: 'Revoke API key' })
    expect(confirm).toHaveTextContent('Unit test key')
    expect(confirm).toHaveTextContent(prefix)
    await user.click(within(confirm).getByRole('button', { name: 'Revoke key' }))

    await waitFor(() => expect(within(keys).queryByText(prefix)).not.toBeInTheDocument())
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect((await callClientApi(key)).status).toBe(401)
  })

  it('lists keys newest first', async () => {
    const user = userEvent.setup()
    const { jar } = await renderSettingsAs(accounts.settingsPro)
    const keys = screen.getByRole('region', { name: 'API Keys' })
    await within(keys).findByText('No API keys yet')
    for (const label of ['Older key', 'Newer key']) {
      await user.type(within(keys).getByLabelText('Key label'), label)
      await user.click(within(keys).getByRole('button', { name: 'Create key' }))
      await user.click(await screen.findByRole('button', { name: 'Done' }))
      await user.click(await screen.findByRole('button', { name: 'Close without copying' }))
    }
    const labels = () =>
      within(keys)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent)
    await waitFor(() => expect(labels()).toEqual(['Newer key', 'Older key']))

    // Leave the account as the other tests expect it: no keys.
    const listed = (await (await jar.fetch(`${apiUrl}/api/v1/dashboard/users/me/api-keys`)).json()) as {
      prefix: string
    }[]
    for (const { prefix } of listed)
      await jar.fetch(`${apiUrl}/api/v1/dashboard/users/me/api-keys/${prefix}`, { method: 'DELETE' })
  })

  it('shows a free account its keys and the upgrade notice instead of the create form', async () => {
    await renderSettingsAs(accounts.settingsFree)
    const keys = screen.getByRole('region', { name: 'API Keys' })
    expect(await within(keys).findByText('Legacy integration')).toBeVisible()
    expect(within(keys).getByText('API access requires Cloud Pro plan. Upgrade to use the API.')).toBeVisible()
    expect(within(keys).queryByLabelText('Key label')).not.toBeInTheDocument()
    expect(within(keys).queryByRole('button', { name: 'Create key' })).not.toBeInTheDocument()
    expect(within(keys).getByRole('button', { name: /^Revoke key sk_/ })).toBeVisible()
    expect(within(screen.getByRole('region', { name: 'Account' })).getByText('Free plan')).toBeVisible()
  })

  it('says how upgrades work here, without a link to itself, when the server takes no upgrades online', async () => {
    await renderSettingsAs(accounts.settingsFree)
    const keys = screen.getByRole('region', { name: 'API Keys' })
    expect(await within(keys).findByText(ACCOUNT_MESSAGES.upgradeHowTo)).toBeVisible()
    expect(within(keys).queryByRole('link', { name: 'Upgrade to Cloud Pro' })).not.toBeInTheDocument()
    const account = screen.getByRole('region', { name: 'Account' })
    expect(within(account).getByText(ACCOUNT_MESSAGES.upgradeHowTo)).toBeVisible()
    expect(within(account).queryByRole('button', { name: 'Upgrade to Cloud Pro' })).not.toBeInTheDocument()
    // Security is there for every plan.
    const security = screen.getByRole('region', { name: 'Security' })
    expect(within(security).getByRole('button', { name: 'Change password' })).toBeVisible()
    expect(within(security).getByRole('button', { name: 'Log out of all sessions' })).toBeVisible()
  })
})
