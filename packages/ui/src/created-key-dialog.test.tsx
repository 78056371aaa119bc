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

  // Issue 10 item 13: Done asks first when the key was never copied (the confirmation step is new).
  it('closes with the Done button', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} />)

    await user.click(screen.getByRole('button', { name: 'Done' }))
    await user.click(screen.getByRole('button', { name: 'Close without copying' }))

    expect(onClose).toHaveBeenCalledOnce()
  })

  // Issue 10 item 13 orders this changed: Escape used to close the dialog and lose the key.
  it('stays open on Escape, so the key is not lost by a stray key press', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} />)

    await user.keyboard('{Escape}')

    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('dialog', { name: 'Save your API key' })).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'API key' })).toHaveValue(createdKey.key)
  })

  it('stays open when the backdrop is clicked', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} />)
    const dialog = screen.getByRole('dialog', { name: 'Save your API key' })
    const backdrop = dialog.previousElementSibling
    if (!(backdrop instanceof HTMLElement)) throw new Error('No backdrop beside the dialog')

    await user.click(backdrop)
    await user.click(document.body)

    expect(onClose).not.toHaveBeenCalled()
    expect(dialog).toBeInTheDocument()
  })

  it('closes with Done at once after the key was copied', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} onCopy={vi.fn()} />)

    await user.click(screen.getByRole('button', { name: 'Copy' }))
    await screen.findByRole('button', { name: 'Copied' })
    await user.click(screen.getByRole('button', { name: 'Done' }))

    expect(onClose).toHaveBeenCalledOnce()
    expect(screen.queryByRole('button', { name: 'Close without copying' })).not.toBeInTheDocument()
  })

  it('counts a copy by hand from the key field as copied', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} />)

    await user.click(screen.getByRole('textbox', { name: 'API key' }))
    await user.copy()
    await user.click(screen.getByRole('button', { name: 'Done' }))

    expect(onClose).toHaveBeenCalledOnce()
  })

  it('asks before closing when the key was never copied, and Go back keeps it on screen', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={onClose} onCopy={vi.fn()} />)

    await user.click(screen.getByRole('button', { name: 'Done' }))

    expect(onClose).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('You haven’t copied the key yet.')
    // Focus lands on the safe choice, so a second Enter cannot throw the key away.
    const goBack = screen.getByRole('button', { name: 'Go back' })
    expect(goBack).toHaveFocus()
    await user.keyboard('{Enter}')

    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    await user.click(screen.getByRole('button', { name: 'Copied' }))
    expect(onClose).not.toHaveBeenCalled()
    await user.click(screen.getByRole('button', { name: 'Done' }))
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('keeps the Copy button one width whichever label shows: both labels share its box', async () => {
    const user = userEvent.setup()
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} onCopy={vi.fn()} />)
    const button = screen.getByRole('button', { name: 'Copy' })
    const labels = () =>
      Array.from(button.querySelectorAll(':scope > span > span')).map((label) => [
        label.textContent,
        label.getAttribute('aria-hidden'),
      ])

    expect(labels()).toEqual([
      ['Copy', 'false'],
      ['Copied', 'true'],
    ])
    await user.click(button)
    await screen.findByRole('button', { name: 'Copied' })
    expect(labels()).toEqual([
      ['Copy', 'true'],
      ['Copied', 'false'],
    ])
  })

  it('shows the key in the monospace face with a marked zero', () => {
    render(<CreatedKeyDialog createdKey={createdKey} onClose={() => {}} />)

    expect(screen.getByRole('textbox', { name: 'API key' })).toHaveClass('font-mono', 'slashed-zero')
  })
})
