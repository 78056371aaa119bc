import { classNames } from './class-names'

export type SpinnerProps = {
  /** Announced to screen readers. Omit when nearby text already says what is loading. */
  label?: string
  className?: string
}

export function Spinner({ label, className }: SpinnerProps) {
  const spinner = (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={classNames('size-4 motion-safe:animate-spin', className)}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="3" className="opacity-25" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  )
  if (!label) return spinner
  return (
    <span role="status" className="inline-flex items-center">
      {spinner}
      <span className="sr-only">{label}</span>
    </span>
  )
}
