import { useState, type FormEvent } from 'react'
import { Button, ErrorMessage, TextField } from '@storra/ui'
import type { SessionPersistence, SessionUser } from '../../shared/desktop-api.ts'
import { AppLogo } from './app-logo.tsx'

export type SignInScreenProps = {
  initialServerUrl: string
  persistence: SessionPersistence
  /** Why the person is here again, e.g. their session ended. */
  notice?: string
  onSignedIn: (serverUrl: string, user: SessionUser) => void
}

export function SignInScreen({ initialServerUrl, persistence, notice, onSignedIn }: SignInScreenProps) {
  const [serverUrl, setServerUrl] = useState(initialServerUrl)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [isSigningIn, setIsSigningIn] = useState(false)

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setIsSigningIn(true)
    setError(null)
    const result = await window.api.session.login({ serverUrl, email, password })
    setIsSigningIn(false)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    setPassword('')
    onSignedIn(result.value.serverUrl, result.value.user)
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="flex flex-col items-center text-center">
          <AppLogo className="size-10" />
          <h1 className="mt-4 text-xl font-semibold text-zinc-900">Sign in to Storra</h1>
          <p className="mt-1 text-sm text-zinc-500">Manage your API keys from your desktop.</p>
        </div>

        {notice && (
          <p
            role="status"
            className="mt-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800"
          >
            {notice}
          </p>
        )}

        <form onSubmit={signIn} className="mt-6 space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          <TextField
            label="Server"
            type="url"
            required
            value={serverUrl}
            onChange={(event) => setServerUrl(event.target.value)}
            autoComplete="url"
            spellCheck={false}
          />
          <TextField
            label="Email"
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            autoComplete="username"
          />
          <TextField
            label="Password"
            type="password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            autoComplete="current-password"
          />
          {error && <ErrorMessage variant="banner">{error}</ErrorMessage>}
          <Button type="submit" variant="primary" className="w-full" isPending={isSigningIn} pendingLabel="Signing in…">
            Sign in
          </Button>
        </form>

        <p className="mt-4 text-center text-xs text-zinc-500">
          {persistence === 'encrypted'
            ? 'Your session is kept on this computer, encrypted by your system keychain, until you sign out.'
            : 'No system keychain is available, so your session is not saved: you will sign in each time the app starts.'}
        </p>
      </div>
    </main>
  )
}
