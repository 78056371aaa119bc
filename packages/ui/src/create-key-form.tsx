import { useId, useRef, useState, type FormEvent } from 'react'
import { Button } from './button'
import { classNames } from './class-names'
import { ErrorMessage } from './error-message'
import { defaultExpiryChoice, resolveExpiry, type ExpiryChoice } from './expiry-choice'
import { ExpiryPicker } from './expiry-picker'
import { placeError, type PlacedError } from './field-error'
import { IpAllowlistField, parseAllowlist } from './ip-allowlist-field'
import { DEFAULT_KEY_POLICY, type CreateKeyInput, type KeyPolicy } from './key-lifecycle'
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
   * Receives the trimmed label (an empty string means "no label", which the server names
   * "Untitled key"), the expiry (ISO instant, or null for never) and the IP allowlist. A
   * rejection's message is shown under the field it names, or under the label.
   * Never called with a label over {@link MAX_LABEL_LENGTH}.
   */
  onCreate: (input: CreateKeyInput) => Promise<void>
  /** The operator's rules: expiry presets and cap, allowlist size. Defaults to the server's defaults. */
  policy?: KeyPolicy
  now?: () => Date
}

export function CreateKeyForm({ onCreate, policy = DEFAULT_KEY_POLICY, now = () => new Date() }: CreateKeyFormProps) {
  const [label, setLabel] = useState('')
  const [expiry, setExpiry] = useState<ExpiryChoice>(() => defaultExpiryChoice(policy))
  const [allowlist, setAllowlist] = useState('')
  const [isCreating, setIsCreating] = useState(false)
  const [placed, setPlaced] = useState<PlacedError | null>(null)
  const inputId = useId()
  const hintId = useId()
  const counterId = useId()
  const errorId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const length = labelLength(label)
  const isTooLong = length > MAX_LABEL_LENGTH
  const error = placed && (placed.field === null || placed.field === 'label') ? placed.message : null
  // Too long is said while typing, not only on submit; a refusal from the server replaces it.
  const shownError = error ?? (isTooLong ? labelTooLongMessage(length) : null)
  // The "No expiration" choice disappears once the policy says there is a cap.
  const usableExpiry =
    expiry.kind === 'never' && policy.max_key_lifetime_days !== null ? defaultExpiryChoice(policy) : expiry
  const allowlistEntries = parseAllowlist(allowlist)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    // Refused here, with the reason already on screen; the server would refuse it too (400).
    if (isTooLong) return inputRef.current?.focus()
    const resolved = resolveExpiry(usableExpiry, now(), policy.max_key_lifetime_days)
    if (!resolved.ok) return setPlaced({ field: 'expires_at', message: resolved.message })
    if (allowlistEntries.length > policy.max_ip_allowlist_entries) return
    setIsCreating(true)
    setPlaced(null)
    try {
      await onCreate({ label: label.trim(), expires_at: resolved.expiresAt ?? null, ip_allowlist: allowlistEntries })
      setLabel('')
      setAllowlist('')
    } catch (rejection) {
      setPlaced(placeError(rejection, 'Couldn’t create the key. Try again.'))
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
              setPlaced(null)
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
      <div className="mt-4 flex flex-col gap-4 lg:flex-row lg:items-start lg:gap-8">
        <div className="lg:w-96">
          <ExpiryPicker
            value={usableExpiry}
            onChange={(choice) => {
              setExpiry(choice)
              setPlaced(null)
            }}
            policy={policy}
            now={now()}
            error={placed?.field === 'expires_at' ? placed.message : null}
          />
        </div>
        <div className="min-w-0 flex-1">
          <IpAllowlistField
            value={allowlist}
            onChange={(text) => {
              setAllowlist(text)
              setPlaced(null)
            }}
            error={placed?.field === 'ip_allowlist' ? placed.message : null}
            maxEntries={policy.max_ip_allowlist_entries}
          />
        </div>
      </div>
      <div className="mt-4">
        <Button type="submit" variant="primary" isPending={isCreating} pendingLabel="Creating…">
          Create key
        </Button>
      </div>
    </form>
  )
}
