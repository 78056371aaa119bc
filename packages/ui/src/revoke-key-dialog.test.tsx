import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RevokeKeyDialog } from './revoke-key-dialog'
import { deferred, productionKey } from './test/fixtures'

describe('RevokeKeyDialog', () => {
  it('names the key by label and prefix and warns that requests will fail', () => {
    render(<RevokeKeyDialog apiKey={productionKey} onConfirm={vi.fn()} onClose={() => {}} />)

    const dialog = screen.getByRole('dialog', { name: 'Revoke API key' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription(
      'Revoke “Production API Key” (sk_abc12345)? Requests using this key will fail immediately.',
    )
  })

  it('focuses Cancel first so a stray Enter cannot revoke', () => {
    render(<RevokeKeyDialog apiKey={productionKey} onConfirm={vi.fn()} onClose={() => {}} />)

    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
  })

  it('closes without revoking on Cancel or Escape', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    const onClose = vi.fn()
    render(<RevokeKeyDialog apiKey={productionKey} onConfirm={onConfirm} onClose={onClose} />)

    await user.click(screen.getByRole('button', { name: 'Cancel' }))
    await user.keyboard('{Escape}')

    expect(onClose).toHaveBeenCalledTimes(2)
    expect(onConfirm).not.toHaveBeenCalled()
  })

  it('shows a pending state while revoking, then closes', async () => {
    const user = userEvent.setup()
    const revocation = deferred()
    const onConfirm = vi.fn(() => revocation.promise)
    const onClose = vi.fn()
    render(<RevokeKeyDialog apiKey={productionKey} onConfirm={onConfirm} onClose={onClose} />)

    await user.click(screen.getByRole('button', { name: 'Revoke key' }))

    const pendingButton = await screen.findByRole('button', { name: 'Revoking…' })
    expect(pendingButton).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled()
    await user.click(pendingButton)
    await user.keyboard('{Escape}')
    expect(onConfirm).toHaveBeenCalledOnce()
    expect(onClose).not.toHaveBeenCalled()

    revocation.resolve()

    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce())
  })

  it('shows why revoking failed and stays open for a retry', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn().mockRejectedValueOnce(new Error('API key not found')).mockResolvedValueOnce(undefined)
    const onClose = vi.fn()
    render(<RevokeKeyDialog apiKey={productionKey} onConfirm={onConfirm} onClose={onClose} />)

    await user.click(screen.getByRole('button', { name: 'Revoke key' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('API key not found')
    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeEnabled()

    await user.click(screen.getByRole('button', { name: 'Revoke key' }))

    await vi.waitFor(() => expect(onClose).toHaveBeenCalledOnce())
    expect(onConfirm).toHaveBeenCalledTimes(2)
  })
})
