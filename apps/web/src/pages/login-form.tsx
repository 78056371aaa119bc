import { useId, useRef, useState, type FormEvent } from 'react'
import { Button, ErrorMessage, getErrorMessage } from '@storra/ui'
import { TextField } from '@storra/ui'
import { MAX_EMAIL_INPUT_LENGTH, MAX_PASSWORD_INPUT_LENGTH } from '@storra/core/limits'

export interface Credentials {
  email: string
  password: string
}

export interface LoginFormProps {
  /** Logs in. A rejection's message is shown under the button, e.g. "Invalid email or password." */
  onSubmit: (credentials: Credentials) => Promise<void>
}

type FieldErrors = Partial<Record<keyof Credentials, string>>

function validate({ email, password }: Credentials): FieldErrors {
  const errors: FieldErrors = {}
  if (email.trim() === '') errors.email = 'Enter your email address.'
  if (password === '') errors.password = 'Enter your password.'
  return errors
}

export function LoginForm({ onSubmit }: LoginFormProps) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [isSubmitting, setIsSubmitting] = useState(false)
  const emailRef = useRef<HTMLInputElement>(null)
  const passwordRef = useRef<HTMLInputElement>(null)
  const emailErrorId = useId()
  const passwordErrorId = useId()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const credentials = { email: email.trim(), password }
    const errors = validate(credentials)
    setFieldErrors(errors)
    setFormError(null)
    if (errors.email) return emailRef.current?.focus()
    if (errors.password) return passwordRef.current?.focus()

    setIsSubmitting(true)
    try {
      // On success the page moves on to Settings; staying "pending" until then avoids a flicker.
      await onSubmit(credentials)
    } catch (rejection) {
      setFormError(getErrorMessage(rejection, 'Couldn’t log in. Try again.'))
      setIsSubmitting(false)
      // The password is the usual culprit: select it for retyping.
      passwordRef.current?.select()
      passwordRef.current?.focus()
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-label="Log in">
      <div className="space-y-5">
        <TextField
          ref={emailRef}
          label="Email address"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
          maxLength={MAX_EMAIL_INPUT_LENGTH}
          placeholder="you@company.com"
          value={email}
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? emailErrorId : undefined}
          onChange={(event) => {
            setEmail(event.target.value)
            setFieldErrors(({ email: _cleared, ...rest }) => rest)
          }}
        />
        <TextField
          ref={passwordRef}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          maxLength={MAX_PASSWORD_INPUT_LENGTH}
          value={password}
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? passwordErrorId : undefined}
          onChange={(event) => {
            setPassword(event.target.value)
            setFieldErrors(({ password: _cleared, ...rest }) => rest)
          }}
        />
        <Button type="submit" variant="primary" className="w-full" isPending={isSubmitting} pendingLabel="Logging in…">
          Log in
        </Button>
      </div>
      {/*
        Every message (a missing field, the server's answer) goes under the button, in space
        kept for two lines whether or not there is one, so an error moves neither the fields
        nor the centred card. The fields are outlined red and described by their message.
      */}
      <div className="mt-3 min-h-10">
        {formError ? (
          <ErrorMessage>
            <span className="sr-only">Couldn’t log in: </span>
            {formError}
          </ErrorMessage>
        ) : (
          <>
            {fieldErrors.email && <ErrorMessage id={emailErrorId}>{fieldErrors.email}</ErrorMessage>}
            {fieldErrors.password && <ErrorMessage id={passwordErrorId}>{fieldErrors.password}</ErrorMessage>}
          </>
        )}
      </div>
    </form>
  )
}
