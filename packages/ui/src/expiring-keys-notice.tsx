import { useId } from 'react'
import { EXPIRING_SOON_DAYS } from '@storra/core/limits'
import { Button } from './button'
import { WarningIcon } from './icons'
import { Timestamp } from './timestamp'
import type { ApiKey } from './key-lifecycle'
import { formatTimeUntil, keysExpiringSoon } from './key-state-words'

export type ExpiringKeysNoticeProps = {
  keys: ApiKey[]
  now: Date
  /** Offers "Rotate" beside each key when given. */
  onRequestRotate?: (apiKey: ApiKey) => void
}

/** The flag at the top of the API Keys section: live keys that expire within 7 days. Renders nothing otherwise. */
export function ExpiringKeysNotice({ keys, now, onRequestRotate }: ExpiringKeysNoticeProps) {
  const headingId = useId()
  const expiring = keysExpiringSoon(keys, now)
  if (expiring.length === 0) return null
  const count = expiring.length
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm">
      <div className="flex gap-3">
        <WarningIcon className="mt-px size-4 shrink-0 text-amber-600" />
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="font-medium text-amber-900">
            {count === 1 ? '1 key expires' : `${count} keys expire`} within {EXPIRING_SOON_DAYS} days
          </h3>
          <p className="mt-1 text-amber-800">Rotate them before they stop working, or change their expiry.</p>
          <ul className="mt-2 space-y-2">
            {expiring.map((apiKey) => (
              <li key={apiKey.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="min-w-0 font-medium break-words text-zinc-900">{apiKey.label}</span>
                <code className="font-mono text-xs text-zinc-700 slashed-zero">{apiKey.prefix}</code>
                <Timestamp value={apiKey.expires_at!} className="text-amber-800">
                  expires {formatTimeUntil(apiKey.expires_at!, now)}
                </Timestamp>
                {onRequestRotate && (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={`Rotate key ${apiKey.prefix} now`}
                    onClick={() => onRequestRotate(apiKey)}
                  >
                    Rotate
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  )
}
