import { classNames } from './class-names'
import { Timestamp } from './timestamp'
import type { ApiKey, KeyPolicy } from './key-lifecycle'
import { describeExpiry, describeRotation, hasExpired, isExpiringSoon } from './key-state-words'

export type KeyStatusProps = {
  apiKey: ApiKey
  /** Every listed key: a rotating key's words depend on its replacement's traffic. */
  keys: ApiKey[]
  policy: Pick<KeyPolicy, 'rotation_quiet_seconds'>
  now: Date
}

/** A live key's state in words: its expiry, or for the old key of a rotation, its traffic and its end. */
export function KeyStatus({ apiKey, keys, policy, now }: KeyStatusProps) {
  if (apiKey.state === 'rotating' && !hasExpired(apiKey, now)) {
    const words = describeRotation(apiKey, keys, policy, now)
    return (
      <span className="block space-y-0.5 whitespace-normal sm:min-w-44">
        <span className="block font-medium text-amber-700">
          Rotating
          {apiKey.replaced_by && (
            <>
              {' '}
              → <code className="font-mono text-xs slashed-zero">{apiKey.replaced_by}</code>
            </>
          )}
        </span>
        <span className="block">{words.usage}</span>
        <span className="block">{words.end}</span>
        {words.waitingForNewKey && <span className="block text-zinc-500">{words.waitingForNewKey}</span>}
      </span>
    )
  }
  const text = describeExpiry(apiKey, now)
  const soon = isExpiringSoon(apiKey, now)
  const tone = hasExpired(apiKey, now) ? 'font-medium text-red-700' : soon ? 'font-medium text-amber-700' : undefined
  if (apiKey.expires_at === null) return <span className="text-zinc-500">{text}</span>
  return (
    <Timestamp value={apiKey.expires_at} className={classNames(tone)}>
      {text}
    </Timestamp>
  )
}
