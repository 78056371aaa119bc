import type { ReactNode } from 'react'

export type ScrollXProps = {
  /** Names the scrolling group for assistive technology (it is focusable, so it needs a name). */
  label: string
  children: ReactNode
}

/**
 * Holds genuinely tabular content (the audit log, a usage table) that may be wider than a phone: the content
 * scrolls sideways inside this box, never the page. Focusable so keyboard users can scroll it too.
 */
export function ScrollX({ label, children }: ScrollXProps) {
  return (
    <div
      role="group"
      aria-label={label}
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {children}
    </div>
  )
}
