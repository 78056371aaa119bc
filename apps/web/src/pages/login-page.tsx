import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ForgotPasswordForm } from '@storra/ui'
import { describeApiError } from '../api/api-error.ts'
import { useTRPC } from '../api/trpc.ts'
import { BrandLogo } from '../components/brand-logo.tsx'
import { useDocumentTitle } from '../components/use-document-title.ts'
import { rememberSession } from '../session/session-query.ts'
import { LoginForm, type Credentials } from './login-form.tsx'

export function LoginPage() {
  useDocumentTitle('Log in')
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const login = useMutation(trpc.auth.login.mutationOptions())
  const recovery = useQuery(trpc.auth.recoveryOptions.queryOptions())
  const requestReset = useMutation(trpc.auth.requestPasswordReset.mutationOptions())

  async function sendResetLink(email: string) {
    try {
      await requestReset.mutateAsync({ email })
    } catch (error) {
      throw new Error(describeApiError(error, 'Couldn’t send the reset link. Try again.'))
    }
  }

  async function logIn(credentials: Credentials) {
    try {
      const { user } = await login.mutateAsync(credentials)
      // The router sees the session and moves on to Settings.
      rememberSession(queryClient, user)
    } catch (error) {
      throw new Error(describeApiError(error, 'Couldn’t log in. Try again.'))
    }
  }

  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <div
        aria-hidden="true"
        className="pointer-events-none fixed inset-x-0 top-0 h-80 bg-gradient-to-b from-indigo-100/70 via-indigo-50/40 to-transparent"
      />
      <main className="relative flex flex-1 flex-col items-center justify-center px-4 py-12">
        <BrandLogo />
        <div className="mt-8 w-full max-w-sm rounded-2xl border border-zinc-200 bg-white px-8 pt-8 pb-5 shadow-sm">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Log in to your dashboard</h1>
          <p className="mt-1.5 text-sm text-zinc-500">Manage your account and API keys.</p>
          <div className="mt-7">
            <LoginForm onSubmit={logIn} />
          </div>
        </div>
        {recovery.data?.email_reset ? (
          <details className="mt-6 w-full max-w-sm rounded-xl border border-zinc-200 bg-white px-6 py-4 text-sm">
            <summary className="cursor-pointer font-medium text-indigo-600">Forgot password?</summary>
            <div className="mt-4">
              <ForgotPasswordForm onRequest={sendResetLink} />
            </div>
          </details>
        ) : null}
        <p className="mt-6 max-w-sm text-center text-xs text-zinc-500">
          Accounts are created by your Storra Cloud administrator. Ask them if you need access
          {recovery.data?.email_reset ? '.' : ' or a password reset link.'}
        </p>
      </main>
    </div>
  )
}
