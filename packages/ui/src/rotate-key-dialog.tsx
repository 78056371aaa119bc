import { useId, useState } from 'react'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { formatDuration } from './format-duration'
import { getErrorMessage } from './get-error-message'
import { DialogActions, ModalDialog } from './modal-dialog'
import type { ApiKey, KeyPolicy } from './key-lifecycle'

/** The grace periods offered, in seconds: Unkey's and Stripe's choices, up to the policy's maximum. */
const GRACE_PERIOD_CHOICES = [
  { seconds: 0, label: 'End the old key now' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
] as const

export type RotateKeyDialogProps = {
  apiKey: Pick<ApiKey, 'label' | 'prefix'>
  policy: Pick<KeyPolicy, 'rotation_quiet_seconds' | 'default_grace_period_seconds' | 'max_grace_period_seconds'>
  /**
   * Rotates with the chosen grace period (seconds). Resolving hands over to the caller, which
   * shows the new key once; a rejection's message is shown here for a retry.
   */
  onConfirm: (gracePeriodSeconds: number) => Promise<void>
  /** Called on Cancel and Escape. */
  onClose: () => void
}

/** Chooses how long the old key keeps working, explains that this period closes itself, and rotates. */
export function RotateKeyDialog({ apiKey, policy, onConfirm, onClose }: RotateKeyDialogProps) {
  const choices = GRACE_PERIOD_CHOICES.filter(({ seconds }) => seconds <= policy.max_grace_period_seconds)
  const preferred = choices.some(({ seconds }) => seconds === policy.default_grace_period_seconds)
    ? policy.default_grace_period_seconds
    : (choices.at(-1)?.seconds ?? 0)
  const [grace, setGrace] = useState<number>(preferred)
  const [isRotating, setIsRotating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const legendId = useId()
  const quiet = formatDuration(policy.rotation_quiet_seconds)

  async function rotate() {
    setIsRotating(true)
    setError(null)
    try {
      await onConfirm(grace)
    } catch (rejection) {
      setError(getErrorMessage(rejection, 'Couldn’t rotate the key. Try again.'))
      setIsRotating(false)
    }
  }

  return (
    <ModalDialog
      title="Rotate API key"
      description={
        <p>
          Create a new key to replace “<span className="font-medium text-zinc-900">{apiKey.label}</span>” (
          <code className="font-mono text-[0.8125rem] text-zinc-800">{apiKey.prefix}</code>). The new key keeps its
          label, IP allowlist and expiry rule.
        </p>
      }
      onClose={onClose}
      isDismissible={!isRotating}
    >
      <fieldset className="mt-5" aria-describedby={`${legendId}-explained`}>
        <legend id={legendId} className="text-sm font-medium text-zinc-900">
          Keep the old key working for
        </legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {choices.map(({ seconds, label }) => (
            <label
              key={seconds}
              className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-sm text-zinc-900 ring-1 ring-zinc-300 ring-inset has-checked:bg-indigo-50 has-checked:ring-indigo-600"
            >
              <input
                type="radio"
                name={legendId}
                value={seconds}
                checked={grace === seconds}
                onChange={() => setGrace(seconds)}
                data-autofocus={grace === seconds ? true : undefined}
                className="accent-indigo-600"
              />
              {label}
            </label>
          ))}
        </div>
        <p id={`${legendId}-explained`} className="mt-3 text-sm text-zinc-600">
          {grace === 0
            ? 'The old key stops working as soon as the new one is created.'
            : `Both keys work during the grace period, so you can deploy the new key first. The grace period closes by itself: once the new key has been used and the old key has had no requests for ${quiet}, the old key is revoked — at the latest after ${choices.find(({ seconds }) => seconds === grace)?.label ?? formatDuration(grace)}.`}
        </p>
      </fieldset>
      {error && (
        <ErrorMessage variant="banner" className="mt-4">
          {error}
        </ErrorMessage>
      )}
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={isRotating}>
          Cancel
        </Button>
        <Button variant="primary" onClick={rotate} isPending={isRotating} pendingLabel="Rotating…">
          Rotate key
        </Button>
      </DialogActions>
    </ModalDialog>
  )
}
