import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { ResetPasswordForm } from '@storra/ui'
import { DASHBOARD_MESSAGES } from '@storra/core/errors'
import { describeApiError } from '../api/api-error.ts'
import { useTRPC } from '../api/trpc.ts'
import { BrandLogo } from '../components/brand-logo.tsx'
import { useDocumentTitle } from '../components/use-document-title.ts'
import { ROUTES } from '../router/routes.ts'

/** The token of a reset link (`#token=...`): in the fragment, so no server or Referer ever sees it. */
function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? ''
}

/** `/dashboard/reset-password#token=...`: sets a new password with a one-time link. */
export function ResetPasswordPage() {
  useDocumentTitle('Set a new password')
  const trpc = useTRPC()
  const [token] = useState(tokenFromLocation)
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions())

  async function setPassword(password: string) {
    try {
      await reset.mutateAsync({ token, password })
      // The link is used up; keep it out of the history and the address bar.
      window.history.replaceState(null, '', window.location.pathname)
    } catch (error) {
      throw new Error(describeApiError(error, 'Couldn’t set the password. Try again.'))
    }
  }

  return (
    <div className="flex min-h-dvh flex-col bg-zinc-50">
      <main className="relative flex flex-1 flex-col items-center justify-center px-4 py-12">
        <BrandLogo />
        <div className="mt-8 w-full max-w-sm rounded-2xl border border-zinc-200 bg-white px-8 py-8 shadow-sm">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">Set a new password</h1>
          <p className="mt-1.5 text-sm text-zinc-500">The link works once. Every session of the account ends.</p>
          <div className="mt-7">
            {token ? (
              <ResetPasswordForm onReset={setPassword} signInHref={ROUTES.login} />
            ) : (
              <p role="alert" className="text-sm text-red-600">
                {DASHBOARD_MESSAGES.invalidResetLink}
              </p>
            )}
          </div>
        </div>
      </main>
    </div>
  )
}
