import type { ReactNode } from 'react'
import { classNames } from './class-names'
import { AlertCircleIcon } from './icons'

export type ErrorMessageProps = {
  children: ReactNode
  /** Bold first line for banner errors, e.g. "Couldn't load your API keys". */
  title?: string
  /** `inline` sits under a form field; `banner` stands on its own in a section. */
  variant?: 'inline' | 'banner'
  /** Lets a form field reference the message with aria-describedby. */
  id?: string
  className?: string
}

export function ErrorMessage({ children, title, variant = 'inline', id, className }: ErrorMessageProps) {
  return (
    <div
      role="alert"
      id={id}
      className={classNames(
        'flex items-start gap-2 text-sm',
        variant === 'inline' && 'text-red-600',
        variant === 'banner' && 'rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-700',
        className,
      )}
    >
      <AlertCircleIcon className="mt-px size-4 shrink-0" />
      <div>
        {title && <p className="font-medium text-red-800">{title}</p>}
        <p>{children}</p>
      </div>
    </div>
  )
}
