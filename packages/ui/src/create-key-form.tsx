import { useId, useState, type FormEvent } from 'react'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { getErrorMessage } from './get-error-message'

/** The API's limit on key labels. */
const MAX_LABEL_LENGTH = 100

export type CreateKeyFormProps = {
  /**
   * Receives the trimmed label; an empty string means "no label", which the
   * server names "Untitled key". A rejection's message is shown under the field.
   */
  onCreate: (label: string) => Promise<void>
}

export function CreateKeyForm({ onCreate }: CreateKeyFormProps) {
  const [label, setLabel] = useState('')
  const [isCreating, setIsCreating] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const inputId = useId()
  const hintId = useId()
  const errorId = useId()

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
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
      <div className="mt-2 flex flex-col gap-3 sm:flex-row">
        <input
          id={inputId}
          type="text"
          value={label}
          onChange={(event) => {
            setLabel(event.target.value)
            setError(null)
          }}
          maxLength={MAX_LABEL_LENGTH}
          placeholder="e.g. Production server"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          className="block w-full min-w-0 rounded-lg border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:ring-red-400 sm:max-w-sm"
        />
        <Button type="submit" variant="primary" isPending={isCreating} pendingLabel="Creating…">
          Create key
        </Button>
      </div>
      {error && (
        <ErrorMessage id={errorId} className="mt-2">
          {error}
        </ErrorMessage>
      )}
      <p id={hintId} className="mt-2 text-xs text-zinc-500">
        Optional, up to {MAX_LABEL_LENGTH} characters. Name keys after where they are used so you know which to revoke.
        Unnamed keys are called “Untitled key”.
      </p>
    </form>
  )
}
