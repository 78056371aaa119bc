import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ApiKeysPanel, LeakedKeysBanner, type CreatedApiKey, type Plan } from '@storra/ui'
import { apiErrorCode, describeApiError } from '../api/api-error.ts'
import { useTRPC, useTRPCClient } from '../api/trpc.ts'
import { forgetSessionIfUnauthorized, SESSION_QUERY_KEY } from '../session/session-query.ts'
import { PLAN_ANCHOR } from './account-card.tsx'
import { useBilling } from './use-billing.ts'
import { useNow } from './use-now.ts'

/** Settings → API Keys: the shared key manager, wired to the dashboard's tRPC procedures. */
export function ApiKeysSection({ plan }: { plan: Plan }) {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const queryClient = useQueryClient()
  const now = useNow()
  const billing = useBilling()
  const listKey = trpc.apiKeys.list.queryKey()
  const keys = useQuery(trpc.apiKeys.list.queryOptions())
  // Keys someone reported as leaked: the owner hears why they stopped working.
  const leaked = useQuery(trpc.apiKeys.leakRevocations.queryOptions())
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions())

  async function createKey(label: string): Promise<CreatedApiKey> {
    try {
      // Called directly, not through useMutation: the mutation cache would hold on to the
      // plaintext key. This way it lives only in the dialog's state, which drops it on close.
      const created = await trpcClient.apiKeys.create.mutate(label === '' ? {} : { label })
      const { key: _plaintext, ...summary } = created
      queryClient.setQueryData(listKey, (current) => current && [summary, ...current])
      void queryClient.invalidateQueries({ queryKey: listKey })
      return created
    } catch (error) {
      forgetSessionIfUnauthorized(queryClient, error)
      // The plan changed since the page loaded: reload the account so the upgrade notice shows.
      if (apiErrorCode(error) === 'FORBIDDEN') void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY })
      throw new Error(describeApiError(error, 'Couldn’t create the key. Try again.'))
    }
  }

  async function revokeKey(prefix: string): Promise<void> {
    try {
      await revoke.mutateAsync({ prefix })
    } catch (error) {
      // NOT_FOUND: already revoked elsewhere. The key no longer works either way.
      if (apiErrorCode(error) !== 'NOT_FOUND')
        throw new Error(describeApiError(error, 'Couldn’t revoke the key. Try again.'))
    }
    queryClient.setQueryData(listKey, (current) => current?.filter((key) => key.prefix !== prefix))
    void queryClient.invalidateQueries({ queryKey: listKey })
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
        onCreate={createKey}
        onRevoke={revokeKey}
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
