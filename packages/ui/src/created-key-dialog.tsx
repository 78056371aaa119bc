import { useId } from 'react'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { CheckIcon, CopyIcon, WarningIcon } from './icons'
import { DialogActions, ModalDialog } from './modal-dialog'
import type { CreatedApiKey } from './types'
import { useCopyToClipboard, type CopyToClipboard } from './use-copy-to-clipboard'

export type CreatedKeyDialogProps = {
  createdKey: CreatedApiKey
  /**
   * Called by Done and Escape. The parent must then stop rendering the dialog
   * and discard `createdKey`: the full key is shown exactly once.
   */
  onClose: () => void
  /** Defaults to `navigator.clipboard.writeText`; Electron can pass its own clipboard bridge. */
  onCopy?: CopyToClipboard
}

export function CreatedKeyDialog({ createdKey, onClose, onCopy }: CreatedKeyDialogProps) {
  const { status: copyStatus, copy } = useCopyToClipboard(onCopy)
  const keyFieldId = useId()
  const warningId = useId()
  const isCopied = copyStatus === 'copied'

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
      onClose={onClose}
    >
      <div className="mt-5">
        <label htmlFor={keyFieldId} className="block text-sm font-medium text-zinc-900">
          API key
        </label>
        <div className="mt-2 flex gap-2">
          <input
            id={keyFieldId}
            type="text"
            readOnly
            value={createdKey.key}
            aria-describedby={warningId}
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full min-w-0 rounded-lg border-0 bg-zinc-50 px-3 py-2 font-mono text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
          <Button variant="secondary" onClick={() => copy(createdKey.key)} data-autofocus>
            {isCopied ? <CheckIcon className="size-4 text-emerald-600" /> : <CopyIcon className="size-4" />}
            {isCopied ? 'Copied' : 'Copy'}
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

      <DialogActions>
        <Button variant="primary" onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </ModalDialog>
  )
}
