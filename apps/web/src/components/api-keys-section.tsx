import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import {
  ApiKeysPanel,
  LeakedKeysBanner,
  type CreateKeyInput,
  type CreatedApiKey,
  type KeyChanges,
  type Plan,
  useNow,
} from '@storra/ui'
import { apiErrorCode, describeApiError } from '../api/api-error.ts'
import { useTRPC, useTRPCClient } from '../api/trpc.ts'
import { forgetSessionIfUnauthorized, SESSION_QUERY_KEY } from '../session/session-query.ts'
import { PLAN_ANCHOR } from './account-card.tsx'
import { useBilling } from './use-billing.ts'

/** How often the list is reloaded while a key is rotating, so its end shows without a reload. */
const ROTATION_REFRESH_MS = 30_000

/** Settings → API Keys: the shared key manager, wired to the dashboard's tRPC procedures. */
export function ApiKeysSection({ plan }: { plan: Plan }) {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const queryClient = useQueryClient()
  const now = useNow()
  const billing = useBilling()
  // "Show revoked and expired" asks for every key; the default list is the live ones.
  const [showEnded, setShowEnded] = useState(false)
  const listInput = showEnded ? { state: 'all' as const } : undefined
  const listKey = trpc.apiKeys.list.queryKey(listInput)
  const keys = useQuery({
    ...trpc.apiKeys.list.queryOptions(listInput),
    // The previous list stays on screen while the other one loads, so the toggle does not flash a skeleton.
    placeholderData: keepPreviousData,
    // A rotation closes itself on the server: while one is open, look again now and then.
    refetchInterval: (query) =>
      query.state.data?.some((key) => key.state === 'rotating') ? ROTATION_REFRESH_MS : false,
  })
  const policy = useQuery(trpc.apiKeys.policy.queryOptions())
  // Keys someone reported as leaked: the owner hears why they stopped working.
  const leaked = useQuery(trpc.apiKeys.leakRevocations.queryOptions())
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions())
  const update = useMutation(trpc.apiKeys.update.mutationOptions())
  // Both lists (live, all) are stale after any change.
  const reloadKeys = () => queryClient.invalidateQueries(trpc.apiKeys.list.pathFilter())

  /** The failure as an Error the panel shows; a 401 also ends the session on this page. */
  function toShownError(error: unknown, fallback: string): Error {
    forgetSessionIfUnauthorized(queryClient, error)
    // The plan changed since the page loaded: reload the account so the upgrade notice shows.
    if (apiErrorCode(error) === 'FORBIDDEN') void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
    return new Error(describeApiError(error, fallback))
  }

  async function createKey({ label, expires_at, ip_allowlist }: CreateKeyInput): Promise<CreatedApiKey> {
    try {
      // Called directly, not through useMutation: the mutation cache would hold on to the
      // plaintext key. This way it lives only in the dialog's state, which drops it on close.
      const created = await trpcClient.apiKeys.create.mutate({
        ...(label === '' ? {} : { label }),
        expires_at,
        ip_allowlist,
      })
      const { key: _plaintext, ...summary } = created
      queryClient.setQueryData(listKey, (current) => current && [summary, ...current])
      void reloadKeys()
      return created
    } catch (error) {
      throw toShownError(error, 'Couldn’t create the key. Try again.')
    }
  }

  async function rotateKey(prefix: string, gracePeriodSeconds: number): Promise<CreatedApiKey> {
    try {
      // Direct for the same reason as create: the new key must not linger in a cache.
      const created = await trpcClient.apiKeys.rotate.mutate({ prefix, grace_period_seconds: gracePeriodSeconds })
      void reloadKeys()
      return created
    } catch (error) {
      // NOT_FOUND / CONFLICT: revoked or rotated elsewhere; the list shows how things stand now.
      void reloadKeys()
      throw toShownError(error, 'Couldn’t rotate the key. Try again.')
    }
  }

  async function updateKey(prefix: string, changes: KeyChanges): Promise<void> {
    try {
      await update.mutateAsync({ prefix, ...changes })
    } catch (error) {
      throw toShownError(error, 'Couldn’t save the changes. Try again.')
    } finally {
      void reloadKeys()
    }
  }

  async function revokeKey(prefix: string): Promise<void> {
    try {
      await revoke.mutateAsync({ prefix })
    } catch (error) {
      // NOT_FOUND: already revoked elsewhere. The key no longer works either way.
      if (apiErrorCode(error) !== 'NOT_FOUND') throw toShownError(error, 'Couldn’t revoke the key. Try again.')
    }
    if (!showEnded) queryClient.setQueryData(listKey, (current) => current?.filter((key) => key.prefix !== prefix))
    void reloadKeys()
  }

  return (
    <div id="api-keys" className="scroll-mt-6 space-y-4">
      <LeakedKeysBanner keys={leaked.data} />
      <ApiKeysPanel
        keys={keys.data}
        isLoading={keys.isPending}
        error={
          keys.error
            ? describeApiError(keys.error, 'Something went wrong on our side. Reload the page to try again.')
            : null
        }
        plan={plan}
        policy={policy.data}
        onCreate={createKey}
        onRevoke={revokeKey}
        onRotate={rotateKey}
        onUpdate={updateKey}
        showEnded={showEnded}
        onShowEndedChange={setShowEnded}
        apiBaseUrl={window.location.origin}
        upgradeUrl={`#${PLAN_ANCHOR}`}
        upgradeHowTo={billing.upgradeHowTo}
        // The Account card above shows the plan, with what it allows; once is enough.
        showPlanBadge={false}
        now={() => now}
      />
    </div>
  )
}
