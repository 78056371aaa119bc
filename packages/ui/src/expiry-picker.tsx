import { useId } from 'react'
import { ErrorMessage } from './error-message'
import { customDateBounds, expiryPresets, type ExpiryChoice } from './expiry-choice'
import { formatDate } from './format-date'
import type { KeyPolicy } from './key-lifecycle'

export const FIELD_CLASS =
  'block w-full min-w-0 rounded-lg border-0 bg-white px-3 py-2 text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset placeholder:text-zinc-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-invalid:ring-red-400'

export type ExpiryPickerProps = {
  value: ExpiryChoice
  onChange: (choice: ExpiryChoice) => void
  policy: Pick<KeyPolicy, 'expiry_presets_days' | 'max_key_lifetime_days'>
  now: Date
  /** Editing: offers "Keep current" first, describing this expiry (null: never). */
  current?: { expires_at: string | null }
  /** Shown under the field, which is then marked invalid. */
  error?: string | null
  label?: string
}

function optionValue(choice: ExpiryChoice): string {
  return choice.kind === 'days' ? `days:${choice.days}` : choice.kind
}

/**
 * The expiry choice of the create and edit forms: the policy's presets (7, 30, 60, 90 days),
 * a custom date, and "No expiration" unless the operator capped key lifetimes (GitHub's picker).
 */
export function ExpiryPicker({
  value,
  onChange,
  policy,
  now,
  current,
  error,
  label = 'Expiration',
}: ExpiryPickerProps) {
  const selectId = useId()
  const dateId = useId()
  const errorId = useId()
  const maxDays = policy.max_key_lifetime_days
  const bounds = customDateBounds(now, maxDays)

  function select(option: string) {
    if (option.startsWith('days:')) onChange({ kind: 'days', days: Number(option.slice(5)) })
    else if (option === 'custom') onChange({ kind: 'custom', date: value.kind === 'custom' ? value.date : '' })
    else onChange({ kind: option as 'never' | 'keep' })
  }

  const describedBy = error ? errorId : undefined
  return (
    <div>
      <label htmlFor={selectId} className="block text-sm font-medium text-zinc-900">
        {label}
      </label>
      <div className="mt-2 flex flex-col gap-2 sm:flex-row">
        <select
          id={selectId}
          value={optionValue(value)}
          onChange={(event) => select(event.target.value)}
          aria-invalid={error && value.kind !== 'custom' ? true : undefined}
          aria-describedby={describedBy}
          className={`${FIELD_CLASS} sm:max-w-56`}
        >
          {current && (
            <option value="keep">
              Keep current ({current.expires_at === null ? 'never expires' : formatDate(current.expires_at)})
            </option>
          )}
          {expiryPresets(policy).map((days) => (
            <option key={days} value={`days:${days}`}>
              {days} days
            </option>
          ))}
          <option value="custom">Custom date…</option>
          {maxDays === null && <option value="never">No expiration</option>}
        </select>
        {value.kind === 'custom' && (
          <div className="min-w-0">
            <label htmlFor={dateId} className="sr-only">
              Expiry date
            </label>
            <input
              id={dateId}
              type="date"
              value={value.date}
              min={bounds.min}
              max={bounds.max}
              required
              onChange={(event) => onChange({ kind: 'custom', date: event.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              className={`${FIELD_CLASS} sm:max-w-48`}
            />
          </div>
        )}
      </div>
      {maxDays !== null && (
        <p className="mt-1 text-xs text-zinc-500">Keys on this server expire within {maxDays} days.</p>
      )}
      {error && (
        <ErrorMessage id={errorId} className="mt-2">
          {error}
        </ErrorMessage>
      )}
    </div>
  )
}
