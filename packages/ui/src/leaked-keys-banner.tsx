import { useState } from 'react'
import { leakRevokedNotice } from '@storra/core/errors'
import type { LeakRevokedKey } from '@storra/core/types'
import { formatDate } from './format-date'
import { WarningIcon } from './icons'

/** Where dismissals are remembered: `localStorage` in both renderers; tests pass their own. */
export type DismissalStorage = Pick<Storage, 'getItem' | 'setItem'>

const STORAGE_KEY = 'storra.dismissedLeakNotices'

/** One notice per revocation: a key revoked, dismissed, and (never) revoked again would show again. */
const noticeId = (key: LeakRevokedKey) => `${key.id}@${key.revoked_at}`

function defaultStorage(): DismissalStorage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined // storage disabled: dismissals last until the page reloads
  }
}

function readDismissed(storage: DismissalStorage | undefined): Set<string> {
  try {
    const stored: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '[]')
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

export type LeakedKeysBannerProps = {
  /** The account's keys revoked by a leak report lately (`apiKeys.leakRevocations`); nothing shows while undefined. */
  keys: readonly LeakRevokedKey[] | undefined
  storage?: DismissalStorage
}

/**
 * Tells the owner, once per key until dismissed, that a key was revoked because someone
 * reported it as leaked (the public revocation endpoint or GitHub's secret scanning).
 */
export function LeakedKeysBanner({ keys, storage = defaultStorage() }: LeakedKeysBannerProps) {
  const [dismissed, setDismissed] = useState(() => readDismissed(storage))
  const shown = (keys ?? []).filter((key) => !dismissed.has(noticeId(key)))
  if (shown.length === 0) return null

  function dismiss(key: LeakRevokedKey) {
    const next = new Set(dismissed).add(noticeId(key))
    setDismissed(next)
    try {
      // Only ids of keys still listed are kept, so the stored list stays small.
      const listed = new Set((keys ?? []).map(noticeId))
      storage?.setItem(STORAGE_KEY, JSON.stringify([...next].filter((id) => listed.has(id))))
    } catch {
      // storage full or disabled: the notice stays dismissed for this page's life
    }
  }

  return (
    <div className="flex flex-col gap-2" aria-label="Leaked key notices" role="region">
      {shown.map((key) => (
        <div
          key={noticeId(key)}
          role="alert"
          className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <WarningIcon className="mt-0.5 size-5 shrink-0 text-amber-600" />
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium text-zinc-900">
              {leakRevokedNotice(key.prefix, key.label, formatDate(key.revoked_at))}
            </p>
            <p className="mt-1 text-zinc-600">
              It was found in public and no longer works. Create a new key and replace it wherever it was used.
            </p>
          </div>
          <button
            type="button"
            onClick={() => dismiss(key)}
            aria-label={`Dismiss the notice about ${key.prefix}`}
            className="shrink-0 cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-amber-800 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-600"
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
