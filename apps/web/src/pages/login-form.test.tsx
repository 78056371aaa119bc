import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LoginForm, type Credentials } from './login-form.tsx'

function renderForm(onSubmit: (credentials: Credentials) => Promise<void>) {
  const user = userEvent.setup()
  render(<LoginForm onSubmit={onSubmit} />)
  return {
    user,
    email: screen.getByLabelText('Email address'),
    password: screen.getByLabelText('Password'),
    submit: screen.getByRole('button', { name: 'Log in' }),
  }
}

describe('LoginForm', () => {
  it('sends the trimmed email and the password as typed', async () => {
    const received: Credentials[] = []
    const { user, email, password } = renderForm((credentials) => {
      received.push(credentials)
      return Promise.resolve()
    })
    await user.type(email, '  ada@example.com ')
    await user.type(password, ' secret with spaces ')
    await user.keyboard('{Enter}')
    expect(received).toEqual([{ email: 'ada@example.com', password: ' secret with spaces ' }])
  })

  it('shows the failure message, keeps the email, and selects the password for retyping', async () => {
    const { user, email, password, submit } = renderForm(() => Promise.reject(new Error('Invalid email or password.')))
    await user.type(email, 'ada@example.com')
    await user.type(password, 'wrong password')
    await user.click(submit)

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Couldn’t log in')
    expect(alert).toHaveTextContent('Invalid email or password.')
    expect(email).toHaveValue('ada@example.com')
    expect(password).toHaveFocus()
    expect(submit).not.toHaveAttribute('aria-disabled')
  })

  it('says which field is missing instead of submitting', async () => {
    let calls = 0
    const { user, email, password, submit } = renderForm(() => {
      calls++
      return Promise.resolve()
    })
    await user.click(submit)

    expect(calls).toBe(0)
    expect(email).toHaveAccessibleDescription('Enter your email address.')
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveFocus()
    expect(password).toHaveAccessibleDescription('Enter your password.')

    await user.type(email, 'ada@example.com')
    expect(email).not.toHaveAttribute('aria-invalid')
    await user.click(submit)
    expect(password).toHaveFocus()
    expect(calls).toBe(0)
  })

  it('shows progress while logging in and ignores a second submit', async () => {
    let finish = () => {}
    let calls = 0
    const { user, email, password, submit } = renderForm(() => {
      calls++
      return new Promise<void>((resolve) => (finish = resolve))
    })
    await user.type(email, 'ada@example.com')
    await user.type(password, 'correct horse')
    await user.click(submit)

    expect(submit).toHaveTextContent('Logging in…')
    expect(submit).toHaveAttribute('aria-disabled', 'true')
    await user.click(submit)
    expect(calls).toBe(1)
    finish()
  })
})
