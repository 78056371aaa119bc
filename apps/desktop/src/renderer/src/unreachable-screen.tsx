import { useState } from 'react'
import { Button } from '@storra/ui'
import { AppLogo } from './app-logo.tsx'

export type UnreachableScreenProps = {
  serverUrl: string
  message: string
  onRetry: () => Promise<void>
  onSignOut: () => Promise<void>
}

/** At start-up the stored session could not be checked: the server did not answer. */
export function UnreachableScreen({ serverUrl, message, onRetry, onSignOut }: UnreachableScreenProps) {
  const [isRetrying, setIsRetrying] = useState(false)

  async function retry() {
    setIsRetrying(true)
    try {
      await onRetry()
    } finally {
      setIsRetrying(false)
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <AppLogo className="mx-auto size-10" />
        <h1 className="mt-4 text-lg font-semibold text-zinc-900">Can’t reach the server</h1>
        <p role="alert" className="mt-2 text-sm text-zinc-600">
          {message}
        </p>
        <p className="mt-2 text-xs text-zinc-500">
          You are still signed in to <span className="font-mono">{serverUrl}</span>; try again once it is back.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Button variant="secondary" onClick={() => void onSignOut()}>
            Sign out
          </Button>
          <Button variant="primary" onClick={() => void retry()} isPending={isRetrying} pendingLabel="Retrying…">
            Try again
          </Button>
        </div>
      </div>
    </main>
  )
}
