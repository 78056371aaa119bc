import { useId, useState } from 'react'
import { Button, ErrorMessage, KeyTable, KeyTableSkeleton, RevokeKeyDialog, type ApiKeySummary } from '@storra/ui'
import type { AdminUser } from '../../shared/desktop-api.ts'
import type { RunDesktopCall } from './desktop-call.ts'
import { useResource } from './use-resource.ts'

export type AccountKeysProps = {
  account: AdminUser
  run: RunDesktopCall
  /** A key was revoked: the account list's key counts are out of date. */
  onKeysChanged: () => Promise<void>
  onClose: () => void
}

/** An admin's view of one account's active keys, with the same revoke confirmation as everywhere. */
export function AccountKeys({ account, run, onKeysChanged, onClose }: AccountKeysProps) {
  const keys = useResource(() => run(() => window.api.admin.listKeys({ userId: account.id })), [run, account.id])
  const [keyToRevoke, setKeyToRevoke] = useState<ApiKeySummary | null>(null)
  const headingId = useId()

  async function revoke(prefix: string) {
    try {
      await run(() => window.api.admin.revokeKey({ userId: account.id, prefix }))
    } finally {
      void keys.reload()
      void onKeysChanged()
    }
  }

  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm"
    >
      <header className="flex items-start justify-between gap-4 px-6 py-5">
        <div>
          <h2 id={headingId} className="text-base font-semibold text-zinc-900">
            Active keys of {account.email}
          </h2>
          <p className="mt-1 text-sm text-zinc-500">Revoking a key stops it working at once, for every request.</p>
        </div>
        <Button size="sm" onClick={onClose}>
          Close
        </Button>
      </header>
      <div className="border-t border-zinc-200" aria-busy={keys.isLoading}>
        {keys.error && (
          <ErrorMessage variant="banner" title="Couldn’t load the keys" className="m-6">
            {keys.error}
          </ErrorMessage>
        )}
        {keys.data === undefined ? (
          keys.isLoading && <KeyTableSkeleton />
        ) : keys.data.length === 0 ? (
          <p className="px-6 py-10 text-center text-sm text-zinc-500">This account has no active keys.</p>
        ) : (
          <KeyTable keys={keys.data} onRequestRevoke={setKeyToRevoke} caption={`Active keys of ${account.email}`} />
        )}
      </div>
      {keyToRevoke && (
        <RevokeKeyDialog
          apiKey={keyToRevoke}
          onConfirm={() => revoke(keyToRevoke.prefix)}
          onClose={() => setKeyToRevoke(null)}
        />
      )}
    </section>
  )
}
