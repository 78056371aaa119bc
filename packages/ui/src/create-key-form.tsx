import { useId, useRef, useState, type FormEvent } from 'react'
import { Button } from './button'
import { classNames } from './class-names'
import { ErrorMessage } from './error-message'
import { getErrorMessage } from './get-error-message'
import { MAX_LABEL_LENGTH } from '@storra/core/limits'

/** Characters as the server counts them: code points of the trimmed label, so an emoji is one. */
function labelLength(label: string): number {
  return [...label.trim()].length
}

/** The refusal shown when a label is over {@link MAX_LABEL_LENGTH}; nothing is cut off silently. */
function labelTooLongMessage(length: number): string {
  return `Labels can be at most ${MAX_LABEL_LENGTH} characters; this one has ${length}. Shorten it to create the key.`
}

export type CreateKeyFormProps = {
  /**
   * Receives the trimmed label; an empty string means "no label", which the
   * server names "Untitled key". A rejection's message is shown under the field.
   * Never called with a label over {@link MAX_LABEL_LENGTH}.
   */
  onCreate: (label: string) => Promise<void>
}

export function CreateKeyForm({ onCreate }: CreateKeyFormProps) {
  const [label, setLabel] = useState('')
  const [isCreating, setIsCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const hintId = useId()
  const counterId = useId()
  const errorId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const length = labelLength(label)
  const isTooLong = length > MAX_LABEL_LENGTH
  // Too long is said while typing, not only on submit; a refusal from the server replaces it.
  const shownError = error ?? (isTooLong ? labelTooLongMessage(length) : null)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // Refused here, with the reason already on screen; the server would refuse it too (400).
    if (isTooLong) return inputRef.current?.focus()
    setIsCreating(true)
    setError(null)
    try {
      await onCreate(label.trim())
      setLabel('')
    } catch (rejection) {
      setError(getErrorMessage(rejection, 'Couldn’t create the key. Try again.'))
    } finally {
      setIsCreating(false)
    }
  }

  return (
    <form onSubmit={submit}>
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-900">
        Key label
      </label>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="w-full min-w-0 sm:max-w-sm">
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            value={label}
            onChange={(event) => {
              setLabel(event.target.value)
              setError(null)
            }}
            placeholder="e.g. Production server"
            autoComplete="off"
            aria-invalid={shownError ? true : undefined}
            aria-describedby={[shownError && errorId, counterId, hintId].filter(Boolean).join(' ')}
            className="block w-full min-w-0 rounded-lg border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:ring-red-400"
          />
          {/* Read with the field's description on focus, not announced on every keystroke. */}
          <p
            id={counterId}
            className={classNames(
              'mt-1 text-right text-xs tabular-nums',
              isTooLong ? 'font-medium text-red-600' : 'text-zinc-500',
            )}
          >
            <span aria-hidden="true">
              {length}/{MAX_LABEL_LENGTH}
            </span>
            <span className="sr-only">
              {length} of {MAX_LABEL_LENGTH} characters
            </span>
          </p>
        </div>
        <Button type="submit" variant="primary" isPending={isCreating} pendingLabel="Creating…">
          Create key
        </Button>
      </div>
      {shownError && (
        <ErrorMessage id={errorId} className="mt-2">
          {shownError}
        </ErrorMessage>
      )}
      <p id={hintId} className="mt-2 text-xs text-zinc-500">
        Optional, up to {MAX_LABEL_LENGTH} characters. Name keys after where they are used so you know which to revoke.
        Unnamed keys are called “Untitled key”.
      </p>
    </form>
  )
}
