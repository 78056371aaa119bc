export function AppLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 40 40" aria-hidden="true" focusable="false" className={className}>
      <rect width="40" height="40" rx="10" className="fill-indigo-600" />
      <circle cx="16" cy="20" r="6" fill="none" stroke="white" strokeWidth="3" />
      <path d="M22 20h10m-4 0v5m4-5v4" fill="none" stroke="white" strokeWidth="3" strokeLinecap="round" />
    </svg>
  )
}
