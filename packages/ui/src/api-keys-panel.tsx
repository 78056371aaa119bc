import { useId, useState } from 'react'
import { DEFAULT_API_BASE_URL } from './api-keys-empty-state'
import { CreateKeyForm } from './create-key-form'
import { CreatedKeyDialog } from './created-key-dialog'
import { ErrorMessage } from './error-message'
import { KeyTable } from './key-table'
import { KeyTableSkeleton } from './key-table-skeleton'
import { PlanBadge } from './plan-badge'
import { PlanNotice } from './plan-notice'
import { RevokeKeyDialog } from './revoke-key-dialog'
import type { ApiKeySummary, CreatedApiKey, Plan } from '@storra/core/types'
import type { CopyToClipboard } from './use-copy-to-clipboard'

export type ApiKeysPanelProps = {
  /** `undefined` until the first load finishes. */
  keys: ApiKeySummary[] | undefined
  isLoading: boolean
  /** Why loading the keys failed, if it did. */
  error?: string | null
  plan: Plan
  /**
   * Creates a key. `label` is trimmed; an empty string means the caller should
   * omit it so the server applies its default, "Untitled key". Reject with an
   * Error whose message is fit to show the user (e.g. the key limit was reached).
   */
  onCreate: (label: string) => Promise<CreatedApiKey>
  /** Revokes the key with this prefix, e.g. "sk_abc12345". Rejections are shown in the dialog. */
  onRevoke: (prefix: string) => Promise<void>
  /** Defaults to `navigator.clipboard.writeText`. */
  onCopy?: CopyToClipboard
  /** Origin of the client API, used in the example request. Defaults to https://cloud.storra.host. */
  apiBaseUrl?: string
  /** Where free accounts upgrade. Defaults to /dashboard/settings. */
  upgradeUrl?: string
  /** Starts the upgrade in place (see PlanNotice). */
  onUpgrade?: () => void
  /** How upgrades work here when they cannot happen online (see PlanNotice). */
  upgradeHowTo?: string
  /**
   * Shows the plan beside the heading. Pages that already show the plan elsewhere (the web
   * dashboard's Account card) pass false, so it appears once; the desktop app shows it here.
   */
  showPlanBadge?: boolean
  now?: () => Date
}

/** The Settings → API Keys section: create (Cloud Pro only), list and revoke keys. */
export function ApiKeysPanel({
  keys,
  isLoading,
  error,
  plan,
  onCreate,
  onRevoke,
  onCopy,
  apiBaseUrl = DEFAULT_API_BASE_URL,
  upgradeUrl,
  onUpgrade,
  upgradeHowTo,
  showPlanBadge = true,
  now,
}: ApiKeysPanelProps) {
  // Holds the full secret only while its dialog is open; cleared on close so it is not kept around.
  const [createdKey, setCreatedKey] = useState<CreatedApiKey | null>(null)
  const [keyToRevoke, setKeyToRevoke] = useState<ApiKeySummary | null>(null)
  const headingId = useId()

  async function createKey(label: string) {
    setCreatedKey(await onCreate(label))
  }

  return (
    <section
      aria-labelledby={headingId}
      className="overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-sm"
    >
      <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 px-6 pt-6">
        <div className="max-w-2xl">
          <h2 id={headingId} className="text-base font-semibold text-zinc-900">
            API Keys
          </h2>
          <p className="mt-1 text-sm text-zinc-500">
            Authenticate requests to the Storra Cloud client API with the{' '}
            <code className="font-mono text-[0.8125rem] text-zinc-700">X-API-Key</code> header. Keys are stored hashed;
            only their prefix is kept so you can tell them apart.
          </p>
        </div>
        {showPlanBadge && <PlanBadge plan={plan} />}
      </header>

      <div className="px-6 py-6">
        {plan === 'pro' ? (
          <CreateKeyForm onCreate={createKey} />
        ) : (
          <PlanNotice upgradeUrl={upgradeUrl} onUpgrade={onUpgrade} upgradeHowTo={upgradeHowTo} />
        )}
      </div>

      <div aria-busy={isLoading} className="border-t border-zinc-200">
        {error && (
          <ErrorMessage variant="banner" title="Couldn’t load your API keys" className="m-6">
            {error}
          </ErrorMessage>
        )}
        {keys ? (
          <KeyTable keys={keys} onRequestRevoke={setKeyToRevoke} apiBaseUrl={apiBaseUrl} now={now} />
        ) : (
          isLoading && <KeyTableSkeleton />
        )}
      </div>

      {createdKey && <CreatedKeyDialog createdKey={createdKey} onClose={() => setCreatedKey(null)} onCopy={onCopy} />}
      {keyToRevoke && (
        <RevokeKeyDialog
          apiKey={keyToRevoke}
          onConfirm={() => onRevoke(keyToRevoke.prefix)}
          onClose={() => setKeyToRevoke(null)}
        />
      )}
    </section>
  )
}
