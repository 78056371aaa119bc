import { ApiKeysPanel, type CreatedApiKey } from '@storra/ui'
import type { Plan } from '../../shared/desktop-api.ts'
import { DesktopCallError, type RunDesktopCall } from './desktop-call.ts'
import { useResource } from './use-resource.ts'

export type KeysViewProps = {
  run: RunDesktopCall
  serverUrl: string
  plan: Plan
  /** A create was refused as not allowed: the plan may have changed since sign-in. */
  onPlanMayHaveChanged: () => Promise<void>
}

/** The signed-in account's keys, through the same panel as the web dashboard. */
export function KeysView({ run, serverUrl, plan, onPlanMayHaveChanged }: KeysViewProps) {
  const keys = useResource(() => run(() => window.api.keys.list()), [run])

  async function createKey(label: string): Promise<CreatedApiKey> {
    try {
      const created = await run(() => window.api.keys.create(label === '' ? {} : { label }))
      void keys.reload()
      return created
    } catch (failure) {
      if (failure instanceof DesktopCallError && failure.code === 'forbidden') void onPlanMayHaveChanged()
      throw failure
    }
  }

  async function revokeKey(prefix: string): Promise<void> {
    try {
      await run(() => window.api.keys.revoke({ prefix }))
    } finally {
      // Also after a failure: "not found" usually means it was revoked elsewhere.
      void keys.reload()
    }
  }

  async function copySecret(text: string): Promise<void> {
    await run(() => window.api.clipboard.copySecret({ text }))
  }

  return (
    <div>
      <ApiKeysPanel
        keys={keys.data}
        isLoading={keys.isLoading}
        error={keys.error}
        plan={plan}
        onCreate={createKey}
        onRevoke={revokeKey}
        onCopy={copySecret}
        apiBaseUrl={serverUrl}
        upgradeUrl={`${serverUrl}/dashboard/settings`}
      />
      <p className="mt-3 text-xs text-zinc-500">
        A key you copy is removed from the clipboard after 60 seconds, unless you have copied something else since.
      </p>
    </div>
  )
}
