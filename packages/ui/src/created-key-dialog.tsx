import { useEffect, useId, useRef, useState } from 'react'
import { Button } from './button'
import { classNames } from './class-names'
import { ErrorMessage } from './error-message'
import { CheckIcon, CopyIcon, WarningIcon } from './icons'
import { DialogActions, ModalDialog } from './modal-dialog'
import type { CreatedApiKey } from '@storra/core/types'
import { useCopyToClipboard, type CopyToClipboard } from './use-copy-to-clipboard'

export type CreatedKeyDialogProps = {
  createdKey: CreatedApiKey
  /**
   * Called by Done once the key was copied, or after "Close without copying" when it was not.
   * Escape and clicks outside never close this dialog: the key cannot be shown again. The
   * parent must then stop rendering the dialog and discard `createdKey`.
   */
  onClose: () => void
  /** Defaults to `navigator.clipboard.writeText`; Electron can pass its own clipboard bridge. */
  onCopy?: CopyToClipboard
}

// Both labels occupy the same grid cell, so the button is as wide as the longer one whichever
// shows, and the key beside it never loses width when "Copy" turns into "Copied".
const COPY_LABEL = 'col-start-1 row-start-1 inline-flex items-center justify-center gap-2'

/** Shows a newly created key exactly once, and makes leaving without copying it a deliberate choice. */
export function CreatedKeyDialog({ createdKey, onClose, onCopy }: CreatedKeyDialogProps) {
  const { status: copyStatus, hasCopied, copy, markCopied } = useCopyToClipboard(onCopy)
  const [isConfirmingClose, setIsConfirmingClose] = useState(false)
  const keyFieldId = useId()
  const warningId = useId()
  const doneRef = useRef<HTMLButtonElement>(null)
  const goBackRef = useRef<HTMLButtonElement>(null)
  const isCopied = copyStatus === 'copied'

  // The button that had focus is replaced: put focus on the safe choice, and back on Done after.
  const hasAskedRef = useRef(false)
  useEffect(() => {
    if (isConfirmingClose) {
      hasAskedRef.current = true
      goBackRef.current?.focus()
    } else if (hasAskedRef.current) {
      doneRef.current?.focus()
    }
  }, [isConfirmingClose])

  function requestClose() {
    if (hasCopied) onClose()
    else setIsConfirmingClose(true)
  }

  return (
    <ModalDialog
      title="Save your API key"
      description={
        <>
          Your new key <span className="font-medium text-zinc-900">“{createdKey.label}”</span> is ready. Copy it now and
          send it in the <code className="font-mono text-[0.8125rem] text-zinc-800">X-API-Key</code> header of your
          requests.
        </>
      }
      onClose={requestClose}
      isDismissible={false}
    >
      <div className="mt-5">
        <label htmlFor={keyFieldId} className="block text-sm font-medium text-zinc-900">
          API key
        </label>
        <div className="mt-2 flex items-start gap-2">
          {/* A textarea, so the whole key wraps into view on a phone instead of scrolling out of sight. */}
          <textarea
            id={keyFieldId}
            readOnly
            rows={1}
            value={createdKey.key}
            aria-describedby={warningId}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            onCopy={markCopied}
            className="block field-sizing-content w-full min-w-0 resize-none rounded-lg border-0 bg-zinc-50 px-3 py-2 font-mono text-[0.8125rem] leading-5 break-all text-zinc-900 slashed-zero ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
          <Button variant="secondary" onClick={() => copy(createdKey.key)} data-autofocus>
            <span className="grid">
              <span aria-hidden={isCopied} className={classNames(COPY_LABEL, isCopied && 'invisible')}>
                <CopyIcon className="size-4" />
                Copy
              </span>
              <span aria-hidden={!isCopied} className={classNames(COPY_LABEL, !isCopied && 'invisible')}>
                <CheckIcon className="size-4 text-emerald-600" />
                Copied
              </span>
            </span>
          </Button>
        </div>
        {/* The button's text change is not announced by itself. */}
        <p role="status" className="sr-only">
          {isCopied ? 'API key copied to clipboard' : ''}
        </p>
        {copyStatus === 'failed' && (
          <ErrorMessage className="mt-2">
            Couldn’t copy automatically. Select the key and copy it manually.
          </ErrorMessage>
        )}
      </div>

      <div
        id={warningId}
        className="mt-4 flex gap-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-800"
      >
        <WarningIcon className="mt-px size-4 shrink-0 text-amber-600" />
        <p>This key will not be shown again. Store it somewhere safe, such as an environment variable.</p>
      </div>

      {isConfirmingClose ? (
        <div className="mt-6">
          <div role="alert" className="text-sm">
            <p className="font-medium text-zinc-900">You haven’t copied the key yet.</p>
            <p className="mt-1 text-zinc-600">
              Once this dialog closes, the key is gone for good; you would have to create a new one.
            </p>
          </div>
          <DialogActions>
            <Button ref={goBackRef} variant="secondary" onClick={() => setIsConfirmingClose(false)}>
              Go back
            </Button>
            <Button variant="danger" onClick={onClose}>
              Close without copying
            </Button>
          </DialogActions>
        </div>
      ) : (
        <DialogActions>
          <Button ref={doneRef} variant="primary" onClick={requestClose}>
            Done
          </Button>
        </DialogActions>
      )}
    </ModalDialog>
  )
}
