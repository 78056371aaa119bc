import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  ApiKeysPanel,
  getErrorMessage,
  LeakedKeysBanner,
  type CreateKeyInput,
  type CreatedApiKey,
  type KeyChanges,
} from '@storra/ui'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import type { Plan } from '../../shared/desktop-api.ts'
import { desktopErrorCode, unwrap } from './desktop-call.ts'
import { ActivityView } from './activity-view.tsx'
import { useTRPC, useTRPCClient } from './trpc.ts'

/** How often the list is reloaded while a key is rotating, so its end shows without a reload. */
const ROTATION_REFRESH_MS = 30_000

export type KeysViewProps = {
  serverUrl: string
  plan: Plan
  /** A create was refused as not allowed: the plan may have changed since sign-in. */
  onPlanMayHaveChanged: () => Promise<void>
  /** "Upgrade to Cloud Pro" when the server takes upgrades online: the Account view has the button. */
  onShowAccount: () => void
}

/** The signed-in account's keys, through the same panel as the web dashboard. */
export function KeysView({ serverUrl, plan, onPlanMayHaveChanged, onShowAccount }: KeysViewProps) {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const queryClient = useQueryClient()
  // "Show revoked and expired" asks for every key; the default list is the live ones.
  const [showEnded, setShowEnded] = useState(false)
  const keys = useQuery({
    ...trpc.apiKeys.list.queryOptions(showEnded ? { state: 'all' } : undefined),
    placeholderData: keepPreviousData,
    // A rotation closes itself on the server: while one is open, look again now and then.
    refetchInterval: (query) =>
      query.state.data?.some((key) => key.state === 'rotating') ? ROTATION_REFRESH_MS : false,
  })
  const policy = useQuery(trpc.apiKeys.policy.queryOptions())
  const billing = useQuery(trpc.billing.status.queryOptions())
  // Keys someone reported as leaked: the owner hears why they stopped working.
  const leaked = useQuery(trpc.apiKeys.leakRevocations.queryOptions())
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions())
  const update = useMutation(trpc.apiKeys.update.mutationOptions())
  // Both lists (live, all) are stale after any change.
  const reloadKeys = () => queryClient.invalidateQueries(trpc.apiKeys.list.pathFilter())

  async function createKey({ label, expires_at, ip_allowlist }: CreateKeyInput): Promise<CreatedApiKey> {
    try {
      // Called directly, not through useMutation: the mutation cache would hold on to the
      // plaintext key. This way it lives only in the dialog's state, which drops it on close.
      const created = await trpcClient.apiKeys.create.mutate({
        ...(label === '' ? {} : { label }),
        expires_at,
        ip_allowlist,
      })
      void reloadKeys()
      return created
    } catch (failure) {
      if (desktopErrorCode(failure) === 'forbidden') void onPlanMayHaveChanged()
      throw failure
    }
  }

  async function rotateKey(prefix: string, gracePeriodSeconds: number): Promise<CreatedApiKey> {
    try {
      // Direct for the same reason as create: the new key must not linger in a cache.
      return await trpcClient.apiKeys.rotate.mutate({ prefix, grace_period_seconds: gracePeriodSeconds })
    } catch (failure) {
      if (desktopErrorCode(failure) === 'forbidden') void onPlanMayHaveChanged()
      throw failure
    } finally {
      // Also after a failure: "not found" or "already being replaced" mean it changed elsewhere.
      void reloadKeys()
    }
  }

  async function updateKey(prefix: string, changes: KeyChanges): Promise<void> {
    try {
      await update.mutateAsync({ prefix, ...changes })
    } finally {
      void reloadKeys()
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
    <div className="space-y-4">
      <LeakedKeysBanner keys={leaked.data} />
      <ApiKeysPanel
        keys={keys.data}
        isLoading={keys.isFetching}
        error={keys.error ? getErrorMessage(keys.error, 'Something went wrong. Try again.') : null}
        plan={plan}
        policy={policy.data}
        onCreate={createKey}
        onRevoke={revokeKey}
        onRotate={rotateKey}
        onUpdate={updateKey}
        showEnded={showEnded}
        onShowEndedChange={setShowEnded}
        onCopy={copySecret}
        apiBaseUrl={serverUrl}
        upgradeUrl={`${serverUrl}/dashboard/settings`}
        onUpgrade={billing.data?.enabled ? onShowAccount : undefined}
        upgradeHowTo={billing.data && !billing.data.enabled ? ACCOUNT_MESSAGES.upgradeHowTo : undefined}
      />
      <p className="mt-3 text-xs text-zinc-500">
        A key you copy is removed from the clipboard after 60 seconds, unless you have copied something else since.
      </p>
      <ActivityView />
    </div>
  )
}
