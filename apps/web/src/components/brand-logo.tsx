/** The Storra Cloud mark and wordmark. */
export function BrandLogo({ className }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2.5 ${className ?? ''}`}>
      <BrandMark className="size-8" />
      <span className="text-[0.9375rem] font-semibold tracking-tight text-zinc-900">
        Storra <span className="text-zinc-500">Cloud</span>
      </span>
    </span>
  )
}

export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={className}>
      <rect width="32" height="32" rx="8" className="fill-indigo-600" />
      <path d="M9 11.5 16 8l7 3.5-7 3.5-7-3.5Z" className="fill-white" />
      <path d="m9 16 7 3.5 7-3.5" fill="none" strokeWidth="2" strokeLinejoin="round" className="stroke-indigo-200" />
      <path d="m9 20.5 7 3.5 7-3.5" fill="none" strokeWidth="2" strokeLinejoin="round" className="stroke-indigo-300" />
    </svg>
  )
}
