import { useId } from 'react'
import { ErrorMessage } from './error-message'
import { FIELD_CLASS } from './expiry-picker'

/** The addresses in the allowlist textarea: one per line, blank lines and surrounding spaces ignored. */
export function parseAllowlist(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

export type IpAllowlistFieldProps = {
  /** The textarea's text; {@link parseAllowlist} turns it into the list to send. */
  value: string
  onChange: (text: string) => void
  /** The server's refusal naming the field (e.g. a malformed CIDR), shown under it. */
  error?: string | null
  maxEntries: number
}

/**
 * IP addresses and CIDR ranges a key may be used from, one per line. The server validates and
 * normalises them; this field only counts lines, so its rules are never a second, different copy.
 */
export function IpAllowlistField({ value, onChange, error, maxEntries }: IpAllowlistFieldProps) {
  const fieldId = useId()
  const hintId = useId()
  const errorId = useId()
  const count = parseAllowlist(value).length
  const tooMany = count > maxEntries
  const shownError = error ?? (tooMany ? `At most ${maxEntries} entries; this list has ${count}.` : null)
  return (
    <div>
      <label htmlFor={fieldId} className="block text-sm font-medium text-zinc-900">
        Allowed IP addresses
      </label>
      <textarea
        id={fieldId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={3}
        spellCheck={false}
        autoComplete="off"
        placeholder={'203.0.113.7\n198.51.100.0/24\n2001:db8::/32'}
        aria-invalid={shownError ? true : undefined}
        aria-describedby={[shownError && errorId, hintId].filter(Boolean).join(' ')}
        className={`${FIELD_CLASS} mt-2 font-mono text-[0.8125rem] sm:max-w-sm`}
      />
      <p id={hintId} className="mt-1 text-xs text-zinc-500">
        One IPv4 or IPv6 address or CIDR range per line, up to {maxEntries}. Leave empty to allow any address.
      </p>
      {shownError && (
        <ErrorMessage id={errorId} className="mt-2">
          {shownError}
        </ErrorMessage>
      )}
    </div>
  )
}
