import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CreatedKeyDialog } from './created-key-dialog'
import { createdKey } from './test/fixtures'

const WARNING = 'This key will not be shown again. Store it somewhere safe, such as an environment variable.'

describe('CreatedKeyDialog', () => {
  it('shows the full key once in a labelled modal dialog with the warning', () => {
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} />)

    const dialog = screen.getByRole('dialog', { name: 'Save your API key' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    const keyField = screen.getByRole('textbox', { name: 'API key' })
    expect(keyField).toHaveValue(createdKey.key)
    expect(keyField).toHaveAttribute('readonly')
    expect(keyField).toHaveClass('font-mono')
    expect(keyField).toHaveAccessibleDescription(WARNING)
    expect(dialog).toHaveTextContent('“Staging”')
  })

  it('moves focus into the dialog when it opens', () => {
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} />)

    expect(screen.getByRole('button', { name: 'Copy' })).toHaveFocus()
  })

  it('keeps Tab inside the dialog', async () => {
    const user = userEvent.setup()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} />)

    await user.tab()
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('textbox', { name: 'API key' })).toHaveFocus()
    await user.tab({ shift: true })
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus()
  })

  it('copies the key with onCopy and confirms it', async () => {
    const user = userEvent.setup()
    const onCopy = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} onCopy={onCopy} />)

    await user.click(screen.getByRole('button', { name: 'Copy' }))

    expect(onCopy).toHaveBeenCalledExactlyOnceWith(createdKey.key)
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('API key copied to clipboard')
  })

  it('copies to the system clipboard by default', async () => {
    const user = userEvent.setup()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} />)

    await user.click(screen.getByRole('button', { name: 'Copy' }))

    await screen.findByRole('button', { name: 'Copied' })
    expect(await navigator.clipboard.readText()).toBe(createdKey.key)
  })

  it('tells the user to copy by hand when copying fails', async () => {
    const user = userEvent.setup()
    const onCopy = vi.fn().mockRejectedValue(new Error('Clipboard blocked'))
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} onCopy={onCopy} />)

    await user.click(screen.getByRole('button', { name: 'Copy' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Select the key and copy it manually')
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument()
  })

  it('closes with the Done button', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} />)

    await user.click(screen.getByRole('button', { name: 'Done' }))

    expect(onClose).toHaveBeenCalledOnce()
  })

  it('closes with Escape', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} />)

    await user.keyboard('{Escape}')

    expect(onClose).toHaveBeenCalledOnce()
  })
})
