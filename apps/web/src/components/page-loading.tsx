import { Spinner } from '@storra/ui'

/** Whole-page loading state. It fades in after a short delay, so fast loads show no flash. */
export function PageLoading({ label = 'Loading your dashboard…' }: { label?: string }) {
  return (
    <div className="flex min-h-dvh items-center justify-center bg-zinc-50 p-6">
      <div role="status" className="flex animate-fade-in-late flex-col items-center gap-3 text-sm text-zinc-500">
        <Spinner className="size-6 text-indigo-600" />
        <span>{label}</span>
      </div>
    </div>
  )
}
