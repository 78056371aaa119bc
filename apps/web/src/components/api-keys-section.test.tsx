import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, inject, it } from 'vitest'
import { CookieJarFetch } from '../test/cookie-jar-fetch.ts'
import { renderDashboard } from '../test/render-dashboard.tsx'

// The API Keys section's lifecycle wiring against the real tRPC API (issue 11): the policy,
// create with expiry and allowlist, edit, rotate with the new key shown once, and the
// "Show revoked and expired" list, each refreshed after the change.
const { url: apiUrl, accounts } = inject('dashboardApi')

function callClientApi(key: string): Promise<Response> {
  return fetch(`${apiUrl}/api/v1/client/users/me`, { headers: { 'x-api-key': key } })
}

async function renderKeys() {
  const jar = new CookieJarFetch()
  await jar.logIn(apiUrl, accounts.lifecycle)
  renderDashboard('/dashboard/settings', jar)
  await screen.findByRole('heading', { name: 'Settings', level: 1 })
  return screen.getByRole('region', { name: 'API Keys' })
}

describe('API Keys section: the key lifecycle', () => {
  it('creates, edits, rotates and lists the ended key with its reason', async () => {
    const user = userEvent.setup()
    const keys = await renderKeys()
    await within(keys).findByText('No API keys yet')

    // Create: 30 days, one allowed address (this test's own, loopback).
    await user.type(within(keys).getByLabelText('Key label'), 'Wired key')
    await user.selectOptions(within(keys).getByRole('combobox', { name: 'Expiration' }), '30 days')
    await user.type(within(keys).getByRole('textbox', { name: 'Allowed IP addresses' }), '127.0.0.1')
    await user.click(within(keys).getByRole('button', { name: 'Create key' }))
    const created = await screen.findByRole('dialog', { name: 'Save your API key' })
    const oldKey = within(created).getByLabelText<HTMLTextAreaElement>('API key').value
    await user.click(within(created).getByRole('button', { name: 'Done' }))
    await user.click(within(created).getByRole('button', { name: 'Close without copying' }))
    const oldPrefix = oldKey.slice(0, 11)
    const row = () => within(keys).getByText(oldPrefix).closest('tr')!
    await waitFor(() => expect(row()).toHaveTextContent('Expires in 30 days'))

    // A server refusal lands under the field it names; a valid edit is listed at once.
    await user.click(within(row()).getByRole('button', { name: `Edit key ${oldPrefix}` }))
    const edit = screen.getByRole('dialog', { name: 'Edit API key' })
    const allowlist = within(edit).getByRole('textbox', { name: 'Allowed IP addresses' })
    expect(allowlist).toHaveValue('127.0.0.1')
    await user.type(allowlist, '{Enter}300.1.2.3')
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(allowlist).toHaveAttribute('aria-invalid', 'true'))
    expect(allowlist).toHaveAccessibleDescription(expect.stringContaining('300.1.2.3'))
    await user.clear(allowlist)
    await user.type(allowlist, '127.0.0.1')
    const label = within(edit).getByRole('textbox', { name: 'Key label' })
    await user.clear(label)
    await user.type(label, 'Renamed key')
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    await waitFor(() => expect(row()).toHaveTextContent('Renamed key'))
    expect((await callClientApi(oldKey)).status).toBe(200)

    // Rotate, ending the old key now: the new key is shown once and the old one is refused.
    await user.click(within(row()).getByRole('button', { name: `Rotate key ${oldPrefix}` }))
    const rotate = screen.getByRole('dialog', { name: 'Rotate API key' })
    await user.click(within(rotate).getByRole('radio', { name: 'End the old key now' }))
    await user.click(within(rotate).getByRole('button', { name: 'Rotate key' }))
    const shown = await screen.findByRole('dialog', { name: 'Save your API key' })
    const newKey = within(shown).getByLabelText<HTMLTextAreaElement>('API key').value
    expect(newKey).not.toBe(oldKey)
    await user.click(within(shown).getByRole('button', { name: 'Done' }))
    await user.click(within(shown).getByRole('button', { name: 'Close without copying' }))
    await waitFor(() => expect(within(keys).queryByText(oldPrefix)).not.toBeInTheDocument())
    expect(within(keys).getByText(newKey.slice(0, 11)).closest('tr')).toHaveTextContent('Renamed key')
    expect((await callClientApi(oldKey)).status).toBe(401)
    expect((await callClientApi(newKey)).status).toBe(200)

    // The old key is in the history, with why it ended.
    await user.click(within(keys).getByRole('switch', { name: 'Show revoked and expired' }))
    const ended = await within(keys).findByRole('table', { name: 'Revoked and expired keys' })
    await waitFor(() =>
      expect(within(ended).getByText(oldPrefix).closest('tr')).toHaveTextContent('Replaced by rotation'),
    )
  })
})
