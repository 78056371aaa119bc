import { useState } from 'react'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { getErrorMessage } from './get-error-message'
import { WarningIcon } from './icons'
import { DialogActions, ModalDialog } from './modal-dialog'
import type { ApiKeySummary } from '@storra/core/types'

export type RevokeKeyDialogProps = {
  apiKey: Pick<ApiKeySummary, 'label' | 'prefix'>
  /** Performs the revocation. The dialog shows a rejection's message and stays open for a retry. */
  onConfirm: () => Promise<void>
  /** Called on Cancel, Escape, and after `onConfirm` resolves. */
  onClose: () => void
}

export function RevokeKeyDialog({ apiKey, onConfirm, onClose }: RevokeKeyDialogProps) {
  const [isRevoking, setIsRevoking] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function revoke() {
    setIsRevoking(true)
    setError(null)
    try {
      await onConfirm()
    } catch (rejection) {
      setError(getErrorMessage(rejection, 'Couldn’t revoke the key. Try again.'))
      setIsRevoking(false)
      return
    }
    onClose()
  }

  return (
    <ModalDialog
      title="Revoke API key"
      icon={
        <div className="flex size-10 shrink-0 items-center justify-center rounded-full bg-red-100">
          <WarningIcon className="size-5 text-red-600" />
        </div>
      }
      description={
        <p>
          Revoke “<span className="font-medium text-zinc-900">{apiKey.label}</span>” (
          <code className="font-mono text-[0.8125rem] text-zinc-800">{apiKey.prefix}</code>)? Requests using this key
          will fail immediately.
        </p>
      }
      onClose={onClose}
      isDismissible={!isRevoking}
    >
      {error && (
        <ErrorMessage variant="banner" className="mt-4">
          {error}
        </ErrorMessage>
      )}
      <DialogActions>
        {/* Cancel takes initial focus so a stray Enter cannot revoke the key. */}
        <Button variant="secondary" onClick={onClose} disabled={isRevoking} data-autofocus>
          Cancel
        </Button>
        <Button variant="danger" onClick={revoke} isPending={isRevoking} pendingLabel="Revoking…">
          Revoke key
        </Button>
      </DialogActions>
    </ModalDialog>
  )
}
