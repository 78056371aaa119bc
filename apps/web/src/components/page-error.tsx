import { Button } from '@storra/ui'
import { BrandMark } from './brand-logo.tsx'

export interface PageErrorProps {
  title: string
  message: string
  onRetry: () => void
  isRetrying?: boolean
}

/** Whole-page error state for when the dashboard cannot start (server unreachable). */
export function PageError({ title, message, onRetry, isRetrying = false }: PageErrorProps) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-zinc-50 p-6">
      <div
        role="alert"
        className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm"
      >
        <BrandMark className="mx-auto size-10" />
        <h1 className="mt-5 text-lg font-semibold text-zinc-900">{title}</h1>
        <p className="mt-2 text-sm text-zinc-600">{message}</p>
        <Button variant="primary" className="mt-6" onClick={onRetry} isPending={isRetrying} pendingLabel="Retrying…">
          Try again
        </Button>
      </div>
    </div>
  )
}
