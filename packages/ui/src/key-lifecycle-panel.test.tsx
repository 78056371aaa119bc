import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiKeysPanel, type ApiKeysPanelProps } from './api-keys-panel'
import { ciKey, createdKey, deferred, keyWith, keys, now, policy, productionKey } from './test/fixtures'

// The lifecycle parts of the API Keys section (issue 11): create with expiry and allowlist,
// state in words, the expiring-soon flag, rotate, edit, and the revoked/expired list.

const NOW = now()
const inMs = (ms: number) => new Date(NOW.getTime() + ms).toISOString()
const DAY = 86_400_000

function renderPanel(props: Partial<ApiKeysPanelProps> = {}) {
  const handlers = {
    onCreate: vi.fn<ApiKeysPanelProps['onCreate']>().mockResolvedValue(createdKey),
    onRevoke: vi.fn<ApiKeysPanelProps['onRevoke']>().mockResolvedValue(undefined),
    onRotate: vi.fn<NonNullable<ApiKeysPanelProps['onRotate']>>().mockResolvedValue(createdKey),
    onUpdate: vi.fn<NonNullable<ApiKeysPanelProps['onUpdate']>>().mockResolvedValue(undefined),
    onShowEndedChange: vi.fn(),
    onCopy: vi.fn(),
  }
  const user = userEvent.setup()
  const view = render(
    <ApiKeysPanel keys={keys} isLoading={false} plan="pro" policy={policy} now={now} {...handlers} {...props} />,
  )
  return { user, view, ...handlers }
}

function rowFor(label: string) {
  const row = screen.getByRole('rowheader', { name: label }).closest('tr')
  if (!row) throw new Error(`No row for ${label}`)
  return within(row)
}

describe('creating a key with an expiry and an allowlist', () => {
  it('defaults to 90 days and sends the allowlist one entry per line', async () => {
    const { user, onCreate } = renderPanel()
    const expiry = screen.getByRole('combobox', { name: 'Expiration' })
    expect(expiry).toHaveDisplayValue('90 days')
    expect(
      within(expiry)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['7 days', '30 days', '60 days', '90 days', 'Custom date…', 'No expiration'])

    await user.type(
      screen.getByRole('textbox', { name: 'Allowed IP addresses' }),
      ' 203.0.113.7 {Enter}{Enter}10.0.0.0/8',
    )
    await user.click(screen.getByRole('button', { name: 'Create key' }))

    expect(onCreate).toHaveBeenCalledExactlyOnceWith({
      label: '',
      expires_at: inMs(90 * DAY),
      ip_allowlist: ['203.0.113.7', '10.0.0.0/8'],
    })
  })

  it('creates a key that never expires, or one that expires at the end of a chosen day', async () => {
    const { user, onCreate } = renderPanel()
    const expiry = screen.getByRole('combobox', { name: 'Expiration' })

    await user.selectOptions(expiry, 'No expiration')
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(onCreate).toHaveBeenLastCalledWith(expect.objectContaining({ expires_at: null }))
    await screen.findByRole('dialog', { name: 'Save your API key' })
    await user.click(screen.getByRole('button', { name: 'Done' }))
    await user.click(screen.getByRole('button', { name: 'Close without copying' }))

    await user.selectOptions(expiry, 'Custom date…')
    const date = screen.getByLabelText('Expiry date')
    expect(date).toHaveAttribute('min', '2025-06-02')
    await user.type(date, '2025-07-04')
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(onCreate).toHaveBeenLastCalledWith(expect.objectContaining({ expires_at: '2025-07-04T23:59:59.999Z' }))
  })

  it('hides "No expiration" when the operator caps key lifetimes', () => {
    renderPanel({ policy: { ...policy, max_key_lifetime_days: 60 } })
    const expiry = screen.getByRole('combobox', { name: 'Expiration' })

    expect(within(expiry).queryByRole('option', { name: 'No expiration' })).not.toBeInTheDocument()
    expect(within(expiry).queryByRole('option', { name: '90 days' })).not.toBeInTheDocument()
    expect(expiry).toHaveDisplayValue('60 days')
    expect(screen.getByText('Keys on this server expire within 60 days.')).toBeInTheDocument()
  })

  it('shows the server’s refusal under the allowlist when it names that field', async () => {
    const { user, onCreate } = renderPanel()
    onCreate.mockRejectedValueOnce(new Error('ip_allowlist[0]: "300.1.1.1" is not an IP address or CIDR range.'))
    const field = screen.getByRole('textbox', { name: 'Allowed IP addresses' })

    await user.type(field, '300.1.1.1')
    await user.click(screen.getByRole('button', { name: 'Create key' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('"300.1.1.1" is not an IP address')
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription(expect.stringContaining('is not an IP address or CIDR range'))
    expect(screen.getByRole('textbox', { name: 'Key label' })).not.toHaveAttribute('aria-invalid')
  })
})

describe('each key’s state in words', () => {
  it('says when a key expires, that another never does, and flags keys expiring within 7 days', () => {
    const soon = keyWith(productionKey, { expires_at: inMs(5 * DAY + 60_000) })
    renderPanel({ keys: [soon, ciKey] })

    expect(rowFor('Production API Key').getByText('Expires in 5 days')).toHaveAttribute('datetime', soon.expires_at)
    expect(rowFor('CI runner').getByText('Never expires')).toBeInTheDocument()
    const flag = screen.getByRole('region', { name: '1 key expires within 7 days' })
    expect(flag).toHaveTextContent('Production API Key')
    expect(flag).toHaveTextContent('sk_abc12345')
    expect(flag).toHaveTextContent('expires in 5 days')
  })

  it('shows no flag when nothing expires within 7 days', () => {
    renderPanel()
    expect(screen.queryByRole('region', { name: /within 7 days/ })).not.toBeInTheDocument()
  })

  it('describes the old key of a rotation: its traffic, and when it will end by itself', () => {
    const newKey = keyWith(productionKey, {
      id: 'new',
      prefix: 'sk_new98765',
      label: 'Production API Key',
      created_at: inMs(-30 * 60_000),
      last_used: inMs(-60_000),
    })
    const oldKey = keyWith(productionKey, {
      label: 'Old production key',
      state: 'rotating',
      replaced_by: 'sk_new98765',
      last_used: inMs(-12 * 60_000),
      expires_at: '2025-06-01T14:30:00.000Z',
    })
    renderPanel({ keys: [newKey, oldKey] })

    const row = rowFor('Old production key')
    expect(row.getByRole('cell', { name: /Rotating/ })).toHaveTextContent(
      'Rotating → sk_new98765Old key still used 12 minutes agoWill end when silent for 15 min or at 14:30',
    )
    // Already being replaced: no second rotation, but it can still be revoked at once.
    expect(row.queryByRole('button', { name: /^Rotate/ })).not.toBeInTheDocument()
    expect(row.getByRole('button', { name: 'Revoke key sk_abc12345' })).toBeInTheDocument()
    // A rotating key's end is planned: it is not flagged as expiring.
    expect(screen.queryByRole('region', { name: /within 7 days/ })).not.toBeInTheDocument()
  })
})

describe('rotating a key', () => {
  it('offers the grace periods with 24 hours chosen, explains the self-closing period, and shows the new key once', async () => {
    const { user, onRotate, onCopy } = renderPanel()

    await user.click(screen.getByRole('button', { name: 'Rotate key sk_abc12345' }))
    const dialog = screen.getByRole('dialog', { name: 'Rotate API key' })
    const choices = within(dialog).getByRole('group', { name: 'Keep the old key working for' })
    expect(
      within(choices)
        .getAllByRole('radio')
        .map((radio) => radio.parentElement?.textContent),
    ).toEqual(['End the old key now', '1 hour', '24 hours', '7 days'])
    const chosen = within(choices).getByRole('radio', { name: '24 hours' })
    expect(chosen).toBeChecked()
    expect(chosen).toHaveFocus()
    expect(choices).toHaveAccessibleDescription(
      'Both keys work during the grace period, so you can deploy the new key first. The grace period closes by itself: once the new key has been used and the old key has had no requests for 15 min, the old key is revoked — at the latest after 24 hours.',
    )

    await user.click(within(dialog).getByRole('radio', { name: 'End the old key now' }))
    expect(choices).toHaveAccessibleDescription('The old key stops working as soon as the new one is created.')
    await user.click(within(dialog).getByRole('radio', { name: '24 hours' }))
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }))

    expect(onRotate).toHaveBeenCalledExactlyOnceWith('sk_abc12345', 86_400)
    const created = await screen.findByRole('dialog', { name: 'Save your API key' })
    expect(screen.queryByRole('dialog', { name: 'Rotate API key' })).not.toBeInTheDocument()
    expect(within(created).getByRole('textbox', { name: 'API key' })).toHaveValue(createdKey.key)
    await user.click(within(created).getByRole('button', { name: 'Copy' }))
    expect(onCopy).toHaveBeenCalledExactlyOnceWith(createdKey.key)
    await user.click(within(created).getByRole('button', { name: 'Done' }))
    expect(document.body).not.toHaveTextContent(createdKey.key)
  })

  it('keeps the dialog open with the server’s reason when rotating fails, and offers no choice beyond the maximum', async () => {
    const { user, onRotate } = renderPanel({ policy: { ...policy, max_grace_period_seconds: 86_400 } })
    const rotation = deferred<typeof createdKey>()
    onRotate.mockReturnValueOnce(rotation.promise)

    await user.click(screen.getByRole('button', { name: 'Rotate key sk_abc12345' }))
    const dialog = screen.getByRole('dialog', { name: 'Rotate API key' })
    expect(within(dialog).queryByRole('radio', { name: '7 days' })).not.toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }))
    expect(within(dialog).getByRole('button', { name: 'Rotating…' })).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(dialog).toBeInTheDocument()

    rotation.reject(new Error('This key is already being replaced.'))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This key is already being replaced.')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Rotate key sk_abc12345' })).toHaveFocus()
  })

  it('is offered from the expiring-soon flag too', async () => {
    const soon = keyWith(productionKey, { expires_at: inMs(DAY) })
    const { user } = renderPanel({ keys: [soon] })

    await user.click(screen.getByRole('button', { name: 'Rotate key sk_abc12345 now' }))
    expect(screen.getByRole('dialog', { name: 'Rotate API key' })).toHaveTextContent('sk_abc12345')
  })

  it('is not offered on the free plan, which cannot create keys', () => {
    renderPanel({ plan: 'free' })
    expect(screen.queryByRole('button', { name: /^Rotate key/ })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Edit key sk_abc12345' })).toBeInTheDocument()
  })
})

describe('editing a key', () => {
  it('starts from the key’s values and sends only what changed', async () => {
    const { user, onUpdate } = renderPanel()

    await user.click(screen.getByRole('button', { name: 'Edit key sk_def67890' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit API key' })
    const label = within(dialog).getByRole('textbox', { name: 'Key label' })
    expect(label).toHaveValue('CI runner')
    expect(label).toHaveFocus()
    expect(within(dialog).getByRole('combobox', { name: 'Expiration' })).toHaveDisplayValue(
      'Keep current (never expires)',
    )
    const allowlist = within(dialog).getByRole('textbox', { name: 'Allowed IP addresses' })
    expect(allowlist).toHaveValue('203.0.113.7\n198.51.100.0/24')

    await user.clear(allowlist)
    await user.type(allowlist, '2001:db8::/32')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), '30 days')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    expect(onUpdate).toHaveBeenCalledExactlyOnceWith('sk_def67890', {
      expires_at: inMs(30 * DAY),
      ip_allowlist: ['2001:db8::/32'],
    })
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('closes without a call when nothing changed', async () => {
    const { user, onUpdate } = renderPanel()
    await user.click(screen.getByRole('button', { name: 'Edit key sk_abc12345' }))
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(onUpdate).not.toHaveBeenCalled()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('shows a refusal under the field it names and stays open', async () => {
    const { user, onUpdate } = renderPanel()
    onUpdate.mockRejectedValueOnce(new Error('expires_at must be in the future.'))
    await user.click(screen.getByRole('button', { name: 'Edit key sk_abc12345' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit API key' })
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Expiration' }), '7 days')
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('expires_at must be in the future.')
    expect(within(dialog).getByRole('combobox', { name: 'Expiration' })).toHaveAttribute('aria-invalid', 'true')
  })
})

describe('revoked and expired keys', () => {
  const revoked = keyWith(productionKey, {
    id: 'r',
    prefix: 'sk_old00001',
    label: 'Old production key',
    state: 'revoked',
    revoked_at: '2025-06-01T10:00:00.000Z',
    revoked_reason: 'rotation_quiet',
    replaced_by: 'sk_abc12345',
  })
  const leaked = keyWith(ciKey, {
    id: 'l',
    prefix: 'sk_leak0001',
    label: 'Leaked key',
    state: 'revoked',
    revoked_at: '2025-05-01T10:00:00.000Z',
    revoked_reason: 'leak_report',
  })
  const expired = keyWith(ciKey, {
    id: 'e',
    prefix: 'sk_exp00001',
    label: 'Expired key',
    state: 'expired',
    expires_at: '2025-05-30T00:00:00.000Z',
  })

  it('has a toggle, off by default, that asks for them', async () => {
    const { user, onShowEndedChange } = renderPanel()
    const toggle = screen.getByRole('switch', { name: 'Show revoked and expired' })
    expect(toggle).not.toBeChecked()
    await user.click(toggle)
    expect(onShowEndedChange).toHaveBeenCalledExactlyOnceWith(true)
  })

  it('lists them apart from the live keys with when and why each ended', () => {
    renderPanel({ keys: [...keys, revoked, leaked, expired], showEnded: true })

    expect(screen.getByRole('switch', { name: 'Show revoked and expired' })).toBeChecked()
    const live = screen.getByRole('table', { name: 'Your API keys' })
    expect(
      within(live)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Production API Key', 'CI runner'])
    const ended = screen.getByRole('table', { name: 'Revoked and expired keys' })
    const rows = within(ended)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      )
    expect(rows).toEqual([
      ['sk_old00001', '2 hours ago', 'Closed after the old key went quiet'],
      ['sk_leak0001', 'May 1, 2025', 'Reported as leaked'],
      ['sk_exp00001', '2 days ago', 'Expired'],
    ])
    expect(within(ended).getByText('2 hours ago')).toHaveAttribute('datetime', revoked.revoked_at)
    expect(within(ended).queryByRole('button')).not.toBeInTheDocument()
  })

  it('hides them while the toggle is off, even if the list holds them', () => {
    renderPanel({ keys: [...keys, revoked] })
    expect(screen.queryByRole('table', { name: 'Revoked and expired keys' })).not.toBeInTheDocument()
    expect(screen.queryByText('Old production key')).not.toBeInTheDocument()
  })
})
