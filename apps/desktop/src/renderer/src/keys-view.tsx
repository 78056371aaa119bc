import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiKeysPanel, getErrorMessage, type CreatedApiKey } from '@storra/ui'
import type { Plan } from '../../shared/desktop-api.ts'
import { desktopErrorCode, unwrap } from './desktop-call.ts'
import { ActivityView } from './activity-view.tsx'
import { useTRPC, useTRPCClient } from './trpc.ts'

export type KeysViewProps = {
  serverUrl: string
  plan: Plan
  /** A create was refused as not allowed: the plan may have changed since sign-in. */
  onPlanMayHaveChanged: () => Promise<void>
}

/** The signed-in account's keys, through the same panel as the web dashboard. */
export function KeysView({ serverUrl, plan, onPlanMayHaveChanged }: KeysViewProps) {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const queryClient = useQueryClient()
  const keys = useQuery(trpc.apiKeys.list.queryOptions())
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions())
  const reloadKeys = () => queryClient.invalidateQueries(trpc.apiKeys.list.pathFilter())

  async function createKey(label: string): Promise<CreatedApiKey> {
    try {
      // Called directly, not through useMutation: the mutation cache would hold on to the
      // plaintext key. This way it lives only in the dialog's state, which drops it on close.
      const created = await trpcClient.apiKeys.create.mutate(label === '' ? {} : { label })
      void reloadKeys()
      return created
    } catch (failure) {
      if (desktopErrorCode(failure) === 'forbidden') void onPlanMayHaveChanged()
      throw failure
    }
  }

  async function revokeKey(prefix: string): Promise<void> {
    try {
      await revoke.mutateAsync({ prefix })
    } finally {
      // Also after a failure: "not found" usually means it was revoked elsewhere.
      void reloadKeys()
    }
  }

  async function copySecret(text: string): Promise<void> {
    unwrap(await window.api.clipboard.copySecret({ text }))
  }

  return (
    <div>
      <ApiKeysPanel
        keys={keys.data}
        isLoading={keys.isFetching}
        error={keys.error ? getErrorMessage(keys.error, 'Something went wrong. Try again.') : null}
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
      <ActivityView />
    </div>
  )
}
