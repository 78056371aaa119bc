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
import { EditKeyDialog } from './edit-key-dialog'
import { EndedKeysTable } from './ended-keys-table'
import { ExpiringKeysNotice } from './expiring-keys-notice'
import { RotateKeyDialog } from './rotate-key-dialog'
import {
  DEFAULT_KEY_POLICY,
  isLiveKey,
  type ApiKey,
  type CreateKeyInput,
  type KeyChanges,
  type KeyPolicy,
} from './key-lifecycle'
import type { CreatedApiKey, Plan } from '@storra/core/types'
import type { CopyToClipboard } from './use-copy-to-clipboard'

export type ApiKeysPanelProps = {
  /**
   * `undefined` until the first load finishes. Live keys (active, rotating) are listed; revoked
   * and expired ones appear in their own list while `showEnded` is on.
   */
  keys: ApiKey[] | undefined
  isLoading: boolean
  /** Why loading the keys failed, if it did. */
  error?: string | null
  plan: Plan
  /** The operator's key rules (`apiKeys.policy`); the server's defaults until it loads. */
  policy?: KeyPolicy
  /**
   * Creates a key. `label` is trimmed; an empty string means the caller should
   * omit it so the server applies its default, "Untitled key". `expires_at` null means never.
   * Reject with an Error whose message is fit to show the user (e.g. the key limit was reached);
   * a message naming `expires_at` or `ip_allowlist` is shown under that field.
   */
  onCreate: (input: CreateKeyInput) => Promise<CreatedApiKey>
  /** Revokes the key with this prefix, e.g. "sk_abc12345". Rejections are shown in the dialog. */
  onRevoke: (prefix: string) => Promise<void>
  /** Rotates a key with a grace period in seconds, answering the new key (shown once). No Rotate buttons without it. */
  onRotate?: (prefix: string, gracePeriodSeconds: number) => Promise<CreatedApiKey>
  /** Saves changed fields of a key. No Edit buttons without it. */
  onUpdate?: (prefix: string, changes: KeyChanges) => Promise<void>
  /** Whether revoked and expired keys are listed; the caller then passes them in `keys`. */
  showEnded?: boolean
  /** The "Show revoked and expired" toggle changed; absent: no toggle. */
  onShowEndedChange?: (show: boolean) => void
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
  onRotate,
  onUpdate,
  showEnded = false,
  onShowEndedChange,
  policy = DEFAULT_KEY_POLICY,
  onCopy,
  apiBaseUrl = DEFAULT_API_BASE_URL,
  upgradeUrl,
  onUpgrade,
  upgradeHowTo,
  showPlanBadge = true,
  now = () => new Date(),
}: ApiKeysPanelProps) {
  // Holds the full secret only while its dialog is open; cleared on close so it is not kept around.
  const [createdKey, setCreatedKey] = useState<CreatedApiKey | null>(null)
  const [keyToRevoke, setKeyToRevoke] = useState<ApiKey | null>(null)
  const [keyToRotate, setKeyToRotate] = useState<ApiKey | null>(null)
  const [keyToEdit, setKeyToEdit] = useState<ApiKey | null>(null)
  const headingId = useId()
  const toggleId = useId()
  const liveKeys = keys?.filter(isLiveKey)
  const endedKeys = keys?.filter((key) => !isLiveKey(key))
  const renderedAt = now()

  async function createKey(input: CreateKeyInput) {
    setCreatedKey(await onCreate(input))
  }

  async function rotateKey(prefix: string, gracePeriodSeconds: number) {
    const created = await onRotate!(prefix, gracePeriodSeconds)
    // One render: the rotate dialog gives focus back, then the new key's dialog takes it.
    setKeyToRotate(null)
    setCreatedKey(created)
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

      {liveKeys && (
        <div className="px-6 pt-6 empty:hidden">
          <ExpiringKeysNotice
            keys={liveKeys}
            now={renderedAt}
            onRequestRotate={onRotate && plan === 'pro' ? setKeyToRotate : undefined}
          />
        </div>
      )}

      <div className="px-6 py-6">
        {plan === 'pro' ? (
          <CreateKeyForm onCreate={createKey} policy={policy} now={now} />
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
        {onShowEndedChange && (
          <div className="flex justify-end border-b border-zinc-100 px-6 py-3">
            <label htmlFor={toggleId} className="inline-flex cursor-pointer items-center gap-2 text-sm text-zinc-700">
              <input
                id={toggleId}
                type="checkbox"
                role="switch"
                checked={showEnded}
                onChange={(event) => onShowEndedChange(event.target.checked)}
                className="size-4 accent-indigo-600"
              />
              Show revoked and expired
            </label>
          </div>
        )}
        {liveKeys ? (
          <KeyTable
            keys={liveKeys}
            onRequestRevoke={setKeyToRevoke}
            // Rotating makes a key, which only Cloud Pro may do; editing is open to every plan.
            onRequestRotate={onRotate && plan === 'pro' ? setKeyToRotate : undefined}
            onRequestEdit={onUpdate ? setKeyToEdit : undefined}
            policy={policy}
            apiBaseUrl={apiBaseUrl}
            now={now}
          />
        ) : (
          isLoading && <KeyTableSkeleton />
        )}
        {showEnded && endedKeys && (
          <div className="border-t border-zinc-200">
            <h3 className="px-6 pt-5 pb-2 text-sm font-semibold text-zinc-900">Revoked and expired keys</h3>
            <EndedKeysTable keys={endedKeys} now={now} />
          </div>
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
      {keyToRotate && (
        <RotateKeyDialog
          apiKey={keyToRotate}
          policy={policy}
          onConfirm={(grace) => rotateKey(keyToRotate.prefix, grace)}
          onClose={() => setKeyToRotate(null)}
        />
      )}
      {keyToEdit && onUpdate && (
        <EditKeyDialog
          apiKey={keyToEdit}
          policy={policy}
          onSave={(changes) => onUpdate(keyToEdit.prefix, changes)}
          onClose={() => setKeyToEdit(null)}
          now={now}
        />
      )}
    </section>
  )
}
