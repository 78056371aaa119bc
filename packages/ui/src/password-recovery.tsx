import { useState, type FormEvent } from 'react'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import { MIN_PASSWORD_LENGTH } from '@storra/core/limits'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { formText } from './form-text'
import { TextField } from './text-field'
import { useAsyncAction } from './use-async-action'

/** "Forgot password?": asks for the email; the answer never says whether an account has it. */
export function ForgotPasswordForm({ onRequest }: { onRequest: (email: string) => Promise<void> }) {
  const request = useAsyncAction()
  const [sent, setSent] = useState(false)
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const email = formText(new FormData(event.currentTarget), 'email').trim()
    setSent(await request.run(() => onRequest(email)))
  }
  if (sent)
    return (
      <p role="status" className="text-sm text-zinc-700">
        {ACCOUNT_MESSAGES.resetRequested}
      </p>
    )
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-3" aria-label="Request a reset link">
      <TextField label="Email for the reset link" name="email" type="email" autoComplete="email" required />
      {request.error && <ErrorMessage>{request.error}</ErrorMessage>}
      <Button type="submit" isPending={request.isPending} pendingLabel="Sending…">
        Send reset link
      </Button>
    </form>
  )
}

/** The reset link's page: a new password, twice. `onReset` rejects with a message fit to show. */
export function ResetPasswordForm({
  onReset,
  signInHref,
}: {
  onReset: (password: string) => Promise<void>
  signInHref: string
}) {
  const reset = useAsyncAction()
  const [done, setDone] = useState(false)
  const [mismatch, setMismatch] = useState(false)
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const password = formText(data, 'password')
    const differs = password !== formText(data, 'repeatPassword')
    setMismatch(differs)
    if (!differs) setDone(await reset.run(() => onReset(password)))
  }
  if (done)
    return (
      <div role="status" className="space-y-3 text-sm text-zinc-700">
        <p>{ACCOUNT_MESSAGES.passwordReset}</p>
        <a href={signInHref} className="font-medium text-indigo-600 hover:text-indigo-500">
          Sign in
        </a>
      </div>
    )
  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-4" aria-label="Set a new password">
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
      />
      <TextField
        label="Repeat new password"
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? 'The passwords differ.' : null}
      />
      {reset.error && <ErrorMessage>{reset.error}</ErrorMessage>}
      <Button type="submit" variant="primary" isPending={reset.isPending} pendingLabel="Saving…">
        Set new password
      </Button>
    </form>
  )
}
