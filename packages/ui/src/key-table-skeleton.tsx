export type KeyTableSkeletonProps = {
  rows?: number
}

/** Placeholder with the key table's shape, so the section does not jump when keys arrive. */
export function KeyTableSkeleton({ rows = 3 }: KeyTableSkeletonProps) {
  return (
    <div aria-busy="true" className="divide-y divide-zinc-100">
      <p role="status" className="sr-only">
        Loading API keys…
      </p>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} aria-hidden="true" className="flex items-center gap-6 px-6 py-4 motion-safe:animate-pulse">
          <div className="h-4 w-40 rounded bg-zinc-200" />
          <div className="h-4 w-24 rounded bg-zinc-100" />
          <div className="hidden h-4 w-20 rounded bg-zinc-100 sm:block" />
          <div className="hidden h-4 w-24 rounded bg-zinc-100 sm:block" />
          <div className="ml-auto h-4 w-14 rounded bg-zinc-100" />
        </div>
      ))}
    </div>
  )
}
