import { useId, useState, type FormEvent } from 'react'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import { MIN_PASSWORD_LENGTH } from '@storra/core/limits'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { formText } from './form-text'
import { TextField } from './text-field'
import { useAsyncAction } from './use-async-action'

export type AccountSecurityProps = {
  /** Changes the password; rejects with a message fit to show (wrong current password, rules). */
  onChangePassword: (input: { currentPassword: string; newPassword: string }) => Promise<void>
  /** Ends every session of the account, this one included (the app then shows sign-in). */
  onLogoutEverywhere: () => Promise<void>
}

const MISMATCH = 'The new passwords differ.'

/** Settings → Security: "Change password" and "Log out of all sessions", for web and desktop. */
export function AccountSecurity({ onChangePassword, onLogoutEverywhere }: AccountSecurityProps) {
  const headingId = useId()
  const change = useAsyncAction()
  const everywhere = useAsyncAction()
  const [done, setDone] = useState(false)
  const [mismatch, setMismatch] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const currentPassword = formText(data, 'currentPassword')
    const newPassword = formText(data, 'newPassword')
    const differs = newPassword !== formText(data, 'repeatPassword')
    setDone(false)
    setMismatch(differs)
    if (differs) return
    if (await change.run(() => onChangePassword({ currentPassword, newPassword }))) {
      form.reset()
      setDone(true)
    }
  }

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
      <h2 id={headingId} className="text-base font-semibold text-zinc-900">
        Security
      </h2>
      <form onSubmit={(e) => void submit(e)} className="mt-4 max-w-md space-y-4" aria-label="Change password">
        <TextField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          label="New password"
          name="newPassword"
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
          error={mismatch ? MISMATCH : null}
        />
        {change.error && <ErrorMessage>{change.error}</ErrorMessage>}
        {done && (
          <p role="status" className="text-sm text-emerald-700">
            {ACCOUNT_MESSAGES.passwordChanged}
          </p>
        )}
        <Button type="submit" variant="primary" isPending={change.isPending} pendingLabel="Changing…">
          Change password
        </Button>
      </form>
      <div className="mt-8 border-t border-zinc-100 pt-6">
        <p className="text-sm text-zinc-600">
          Signed in somewhere you no longer use? End every session of this account, this one included.
        </p>
        {everywhere.error && <ErrorMessage className="mt-2">{everywhere.error}</ErrorMessage>}
        <Button
          className="mt-3"
          variant="danger"
          isPending={everywhere.isPending}
          pendingLabel="Logging out…"
          onClick={() => void everywhere.run(onLogoutEverywhere)}
        >
          Log out of all sessions
        </Button>
      </div>
    </section>
  )
}
