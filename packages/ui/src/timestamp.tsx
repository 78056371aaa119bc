import type { ReactNode } from 'react'
import { formatDateTime } from './format-date'

export type TimestampProps = {
  /** ISO-8601 timestamp. */
  value: string
  /** The human-friendly rendering, e.g. a date or "3 minutes ago". */
  children: ReactNode
  className?: string
}

/** A machine-readable <time> whose tooltip gives the exact moment behind the friendly text. */
export function Timestamp({ value, children, className }: TimestampProps) {
  return (
    <time dateTime={value} title={formatDateTime(value)} className={className}>
      {children}
    </time>
  )
}
