import type { ButtonHTMLAttributes, MouseEvent, Ref } from 'react'
import { classNames } from './class-names'
import { Spinner } from './spinner'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-subtle'
export type ButtonSize = 'sm' | 'md'

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant
  size?: ButtonSize
  /** Shows a spinner and ignores clicks while an action this button started is running. */
  isPending?: boolean
  /** Replaces the label while pending, e.g. "Creating…". */
  pendingLabel?: string
  ref?: Ref<HTMLButtonElement>
}

const VARIANT_CLASSES: Record<ButtonVariant, string> = {
  primary: 'bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-indigo-600',
  secondary:
    'bg-white text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50 focus-visible:outline-indigo-600',
  ghost: 'text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-indigo-600',
  danger: 'bg-red-600 text-white shadow-sm hover:bg-red-500 focus-visible:outline-red-600',
  'danger-subtle': 'text-red-600 hover:bg-red-50 hover:text-red-700 focus-visible:outline-red-600',
}

const SIZE_CLASSES: Record<ButtonSize, string> = {
  sm: 'h-8 gap-1.5 px-2.5 text-sm',
  md: 'h-9 gap-2 px-3.5 text-sm',
}

/** Button styling, for links that should look like buttons. */
export function buttonClassName({
  variant = 'secondary',
  size = 'md',
}: { variant?: ButtonVariant; size?: ButtonSize } = {}) {
  return classNames(
    'inline-flex shrink-0 cursor-pointer items-center justify-center rounded-lg font-medium whitespace-nowrap transition-colors',
    'focus-visible:outline-2 focus-visible:outline-offset-2',
    'disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-progress aria-disabled:opacity-75',
    VARIANT_CLASSES[variant],
    SIZE_CLASSES[size],
  )
}

export function Button({
  variant = 'secondary',
  size = 'md',
  isPending = false,
  pendingLabel,
  type = 'button',
  className,
  onClick,
  children,
  ...props
}: ButtonProps) {
  // aria-disabled rather than disabled while pending: a disabled button drops
  // keyboard focus to <body>, and dialogs opened afterwards could not return it.
  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (isPending) {
      // Also cancels the form submission when this is a submit button.
      event.preventDefault()
      return
    }
    onClick?.(event)
  }

  return (
    <button
      type={type}
      aria-disabled={isPending || undefined}
      onClick={handleClick}
      className={classNames(buttonClassName({ variant, size }), className)}
      {...props}
    >
      {isPending && <Spinner />}
      {isPending && pendingLabel ? pendingLabel : children}
    </button>
  )
}
