import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiKeysPanel, type ApiKeysPanelProps } from './api-keys-panel'
import { createdKey, deferred, keys, now } from './test/fixtures'

function renderPanel(props: Partial<ApiKeysPanelProps> = {}) {
  const handlers = {
    onCreate: vi.fn<ApiKeysPanelProps['onCreate']>().mockResolvedValue(createdKey),
    onRevoke: vi.fn<ApiKeysPanelProps['onRevoke']>().mockResolvedValue(undefined),
    onCopy: vi.fn(),
  }
  const user = userEvent.setup()
  render(<ApiKeysPanel keys={keys} isLoading={false} plan="pro" now={now} {...handlers} {...props} />)
  return { user, ...handlers }
}

const UPGRADE_TEXT = 'API access requires Cloud Pro plan. Upgrade to use the API.'

describe('ApiKeysPanel', () => {
  it('is a labelled section listing the keys', () => {
    renderPanel()

    const section = screen.getByRole('region', { name: 'API Keys' })
    expect(
      within(section)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Production API Key', 'CI runner'])
  })

  describe('loading and errors', () => {
    it('shows a busy placeholder until the keys arrive', () => {
      renderPanel({ keys: undefined, isLoading: true })

      expect(screen.getByRole('status')).toHaveTextContent('Loading API keys…')
      expect(screen.getByRole('status').closest('[aria-busy="true"]')).not.toBeNull()
      expect(screen.queryByRole('table')).not.toBeInTheDocument()
      expect(screen.queryByText('No API keys yet')).not.toBeInTheDocument()
    })

    it('shows the load error as an alert', () => {
      renderPanel({ keys: undefined, error: 'Session expired. Log in again.' })

      const alert = screen.getByRole('alert')
      expect(alert).toHaveTextContent('Couldn’t load your API keys')
      expect(alert).toHaveTextContent('Session expired. Log in again.')
      expect(screen.queryByText('Loading API keys…')).not.toBeInTheDocument()
    })

    it('keeps showing already loaded keys when a refresh fails', () => {
      renderPanel({ error: 'Network error' })

      expect(screen.getByRole('alert')).toHaveTextContent('Network error')
      expect(screen.getByRole('table')).toBeInTheDocument()
    })
  })

  it('shows the example request when there are no keys', () => {
    renderPanel({ keys: [], apiBaseUrl: 'https://staging.storra.host' })

    expect(
      screen.getByText('curl -H "X-API-Key: sk_your_api_key_here" https://staging.storra.host/api/v1/client/users/me'),
    ).toBeInTheDocument()
  })

  describe('creating a key (Cloud Pro)', () => {
    it('creates a key with the trimmed label and shows it once', async () => {
      const { user, onCreate, onCopy } = renderPanel()

      await user.type(screen.getByRole('textbox', { name: 'Key label' }), '  Staging ')
      await user.click(screen.getByRole('button', { name: 'Create key' }))

      expect(onCreate).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ label: 'Staging' }))
      const dialog = await screen.findByRole('dialog', { name: 'Save your API key' })
      expect(within(dialog).getByRole('textbox', { name: 'API key' })).toHaveValue(createdKey.key)

      await user.click(within(dialog).getByRole('button', { name: 'Copy' }))
      expect(onCopy).toHaveBeenCalledExactlyOnceWith(createdKey.key)

      await user.click(within(dialog).getByRole('button', { name: 'Done' }))
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
      expect(screen.queryByDisplayValue(createdKey.key)).not.toBeInTheDocument()
      expect(document.body).not.toHaveTextContent(createdKey.key)
      // Focus goes back to where the user was.
      expect(screen.getByRole('button', { name: 'Create key' })).toHaveFocus()
    })

    // Issue 10 item 13 orders this changed: Escape used to close the dialog and lose the key.
    it('keeps the key on screen on Escape, and forgets it once closed without copying', async () => {
      const { user } = renderPanel()

      await user.click(screen.getByRole('button', { name: 'Create key' }))
      const dialog = await screen.findByRole('dialog', { name: 'Save your API key' })
      await user.keyboard('{Escape}')
      expect(within(dialog).getByRole('textbox', { name: 'API key' })).toHaveValue(createdKey.key)

      await user.click(within(dialog).getByRole('button', { name: 'Done' }))
      await user.click(within(dialog).getByRole('button', { name: 'Close without copying' }))

      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
      expect(document.body).not.toHaveTextContent(createdKey.key)
    })

    it('shows why creating failed, inline', async () => {
      const { user, onCreate } = renderPanel()
      onCreate.mockRejectedValueOnce(new Error('API key limit reached'))

      await user.click(screen.getByRole('button', { name: 'Create key' }))

      expect(await screen.findByRole('alert')).toHaveTextContent('API key limit reached')
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    })
  })

  describe('revoking a key', () => {
    it('asks for confirmation, then revokes by prefix', async () => {
      const { user, onRevoke } = renderPanel()

      await user.click(screen.getByRole('button', { name: 'Revoke key sk_abc12345' }))
      const dialog = screen.getByRole('dialog', { name: 'Revoke API key' })
      expect(dialog).toHaveTextContent(
        'Revoke “Production API Key” (sk_abc12345)? Requests using this key will fail immediately.',
      )
      expect(onRevoke).not.toHaveBeenCalled()

      await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }))

      expect(onRevoke).toHaveBeenCalledExactlyOnceWith('sk_abc12345')
      await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    })

    it('does nothing when cancelled', async () => {
      const { user, onRevoke } = renderPanel()

      await user.click(screen.getByRole('button', { name: 'Revoke key sk_def67890' }))
      await user.click(screen.getByRole('button', { name: 'Cancel' }))

      expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
      expect(onRevoke).not.toHaveBeenCalled()
      expect(screen.getByRole('button', { name: 'Revoke key sk_def67890' })).toHaveFocus()
    })

    it('keeps the dialog open with the error when revoking fails', async () => {
      const { user, onRevoke } = renderPanel()
      const revocation = deferred()
      onRevoke.mockReturnValueOnce(revocation.promise)

      await user.click(screen.getByRole('button', { name: 'Revoke key sk_abc12345' }))
      await user.click(screen.getByRole('button', { name: 'Revoke key' }))
      expect(await screen.findByRole('button', { name: 'Revoking…' })).toBeInTheDocument()

      revocation.reject(new Error('API key not found'))

      const dialog = screen.getByRole('dialog', { name: 'Revoke API key' })
      expect(await within(dialog).findByRole('alert')).toHaveTextContent('API key not found')
      expect(within(dialog).getByRole('button', { name: 'Revoke key' })).toBeInTheDocument()
    })
  })

  describe('plan badge', () => {
    it('shows the plan beside the heading by default', () => {
      renderPanel({ plan: 'pro' })

      expect(within(screen.getByRole('region', { name: 'API Keys' })).getByText('Cloud Pro')).toBeInTheDocument()
    })

    it('leaves the plan out when the page shows it elsewhere', () => {
      renderPanel({ plan: 'pro', showPlanBadge: false })

      expect(screen.queryByText('Cloud Pro')).not.toBeInTheDocument()
    })
  })

  describe('free plan', () => {
    it('shows the upgrade notice instead of the create form', () => {
      renderPanel({ plan: 'free' })

      expect(screen.getByText(UPGRADE_TEXT)).toBeInTheDocument()
      expect(screen.getByRole('link', { name: 'Upgrade to Cloud Pro' })).toHaveAttribute('href', '/dashboard/settings')
      expect(screen.queryByRole('textbox', { name: 'Key label' })).not.toBeInTheDocument()
      expect(screen.queryByRole('button', { name: 'Create key' })).not.toBeInTheDocument()
    })

    it('links to a custom upgrade URL', () => {
      renderPanel({ plan: 'free', upgradeUrl: 'https://cloud.storra.host/dashboard/settings' })

      expect(screen.getByRole('link', { name: 'Upgrade to Cloud Pro' })).toHaveAttribute(
        'href',
        'https://cloud.storra.host/dashboard/settings',
      )
    })

    it('still lets free accounts revoke their keys', async () => {
      const { user, onRevoke } = renderPanel({ plan: 'free' })

      await user.click(screen.getByRole('button', { name: 'Revoke key sk_def67890' }))
      await user.click(screen.getByRole('button', { name: 'Revoke key' }))

      expect(onRevoke).toHaveBeenCalledExactlyOnceWith('sk_def67890')
    })

    it('does not show the upgrade notice to Cloud Pro accounts', () => {
      renderPanel({ plan: 'pro' })

      expect(screen.queryByText(UPGRADE_TEXT)).not.toBeInTheDocument()
    })
  })
})
