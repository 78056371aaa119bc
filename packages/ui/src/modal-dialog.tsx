import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'

export type ModalDialogProps = {
  title: string
  /** Read by screen readers together with the title when the dialog opens. */
  description?: ReactNode
  /** Decorative badge shown beside the title. */
  icon?: ReactNode
  children?: ReactNode
  /** Called on Escape. Render the dialog only while it is open; unmounting closes it. */
  onClose: () => void
  /** Set false while an action is in flight so Escape cannot abandon it halfway. */
  isDismissible?: boolean
}

const FOCUSABLE_SELECTOR = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',')

function focusableElementsIn(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE_SELECTOR))
}

/**
 * Modal shell shared by the key dialogs: focuses the `data-autofocus` element
 * (or the first control) on open, keeps Tab inside, closes on Escape, and
 * returns focus to whatever was focused before it opened.
 */
export function ModalDialog({ title, description, icon, children, onClose, isDismissible = true }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDivElement>(null)
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const previouslyFocused = document.activeElement
    const initialFocus =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ?? focusableElementsIn(dialog)[0] ?? dialog
    initialFocus.focus()
    return () => {
      if (previouslyFocused instanceof HTMLElement && previouslyFocused.isConnected) previouslyFocused.focus()
    }
  }, [])

  // Listen on the document so Escape works even if focus somehow left the dialog.
  useEffect(() => {
    if (!isDismissible) return
    function closeOnEscape(event: globalThis.KeyboardEvent) {
      if (event.key !== 'Escape') return
      event.preventDefault()
      onClose()
    }
    document.addEventListener('keydown', closeOnEscape)
    return () => document.removeEventListener('keydown', closeOnEscape)
  }, [isDismissible, onClose])

  function trapTabKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Tab' || !dialogRef.current) return
    const focusable = focusableElementsIn(dialogRef.current)
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (!first || !last) {
      event.preventDefault()
      return
    }
    const active = document.activeElement
    if (event.shiftKey && (active === first || active === dialogRef.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && active === last) {
      event.preventDefault()
      first.focus()
    }
  }

  return (
    <div className="fixed inset-0 z-50 flex items-end justify-center overflow-y-auto p-4 sm:items-center">
      {/* Keeps focus in the dialog when the backdrop is clicked. */}
      <div
        aria-hidden="true"
        className="fixed inset-0 bg-zinc-950/40 backdrop-blur-[2px]"
        onMouseDown={(event) => event.preventDefault()}
      />
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        onKeyDown={trapTabKey}
        className="relative w-full max-w-lg rounded-xl bg-white p-6 shadow-2xl ring-1 ring-zinc-950/10 focus:outline-none"
      >
        <div className="flex items-start gap-4">
          {icon}
          <div className="min-w-0 flex-1">
            <h2 id={titleId} className="text-lg font-semibold text-zinc-900">
              {title}
            </h2>
            {description && (
              <div id={descriptionId} className="mt-2 text-sm text-zinc-600">
                {description}
              </div>
            )}
          </div>
        </div>
        {children}
      </div>
    </div>
  )
}

export type DialogActionsProps = { children: ReactNode }

/** Footer button row: stacked with the primary action on top on phones, right-aligned otherwise. */
export function DialogActions({ children }: DialogActionsProps) {
  return <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">{children}</div>
}
