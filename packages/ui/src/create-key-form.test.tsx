import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CreateKeyForm } from './create-key-form'
import { deferred } from './test/fixtures'

describe('CreateKeyForm', () => {
  it('submits the trimmed label and clears the field afterwards', async () => {
    const user = userEvent.setup()
    const onCreate = vi.fn().mockResolvedValue(undefined)
    render(<CreateKeyForm onCreate={onCreate} />)

    await user.type(screen.getByRole('textbox', { name: 'Key label' }), '  Production API Key  ')
    await user.click(screen.getByRole('button', { name: 'Create key' }))

    expect(onCreate).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ label: 'Production API Key' }))
    expect(await screen.findByRole('textbox', { name: 'Key label' })).toHaveValue('')
  })

  it('submits an empty label when left blank, so the server default applies', async () => {
    const user = userEvent.setup()
    const onCreate = vi.fn().mockResolvedValue(undefined)
    render(<CreateKeyForm onCreate={onCreate} />)

    await user.type(screen.getByRole('textbox', { name: 'Key label' }), '   {Enter}')

    expect(onCreate).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ label: '' }))
  })

  // Issue 10 item 18 orders this changed: the field used to cut the label at 100 silently.
  it('limits labels to 100 characters by refusing longer ones with a message, never by cutting them', async () => {
    const user = userEvent.setup()
    const onCreate = vi.fn().mockResolvedValue(undefined)
    render(<CreateKeyForm onCreate={onCreate} />)
    const input = screen.getByRole('textbox', { name: 'Key label' })

    await user.type(input, 'x'.repeat(120))

    expect(input).toHaveValue('x'.repeat(120))
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Labels can be at most 100 characters; this one has 120. Shorten it to create the key.',
    )
    expect(screen.getByText('120/100')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(onCreate).not.toHaveBeenCalled()
    expect(input).toHaveFocus()

    await user.type(input, '{Backspace}'.repeat(20))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(input).not.toHaveAttribute('aria-invalid')
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(onCreate).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ label: 'x'.repeat(100) }))
  })

  it('counts characters as the server does: trimmed, an emoji as one', async () => {
    const user = userEvent.setup()
    render(<CreateKeyForm onCreate={vi.fn()} />)
    const input = screen.getByRole('textbox', { name: 'Key label' })
    expect(screen.getByText('0/100')).toBeInTheDocument()

    await user.type(input, '  CI 🚀  ')

    expect(screen.getByText('4/100')).toBeInTheDocument()
    expect(input).toHaveAccessibleDescription(expect.stringContaining('4 of 100 characters'))
  })

  it('ignores further submits while the key is being created', async () => {
    const user = userEvent.setup()
    const creation = deferred()
    const onCreate = vi.fn(() => creation.promise)
    render(<CreateKeyForm onCreate={onCreate} />)

    await user.click(screen.getByRole('button', { name: 'Create key' }))
    const pendingButton = await screen.findByRole('button', { name: 'Creating…' })
    // Still focusable, so keyboard users are not thrown back to the top of the page.
    expect(pendingButton).toHaveFocus()
    await user.click(pendingButton)
    await user.type(screen.getByRole('textbox', { name: 'Key label' }), '{Enter}')

    expect(onCreate).toHaveBeenCalledOnce()

    creation.resolve()
    expect(await screen.findByRole('button', { name: 'Create key' })).not.toHaveAttribute('aria-disabled')
  })

  it('shows the rejection message under the field and keeps the label', async () => {
    const user = userEvent.setup()
    const onCreate = vi.fn().mockRejectedValue(new Error('API key limit reached. Revoke a key to create a new one.'))
    render(<CreateKeyForm onCreate={onCreate} />)
    const input = screen.getByRole('textbox', { name: 'Key label' })

    await user.type(input, 'Staging{Enter}')

    const error = await screen.findByRole('alert')
    expect(error).toHaveTextContent('API key limit reached. Revoke a key to create a new one.')
    expect(input).toHaveValue('Staging')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription(expect.stringContaining('API key limit reached'))

    await user.type(input, ' 2')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('falls back to a generic message when the rejection has none', async () => {
    const user = userEvent.setup()
    render(<CreateKeyForm onCreate={vi.fn().mockRejectedValue(undefined)} />)

    await user.click(screen.getByRole('button', { name: 'Create key' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Couldn’t create the key. Try again.')
  })
})
