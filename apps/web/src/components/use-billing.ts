import { useQuery } from '@tanstack/react-query'
import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import { describeApiError } from '../api/api-error.ts'
import { useTRPC, useTRPCClient } from '../api/trpc.ts'

/**
 * Billing for the settings page: whether Stripe is configured, and the two actions that leave
 * for Stripe (Checkout, customer portal). Actions reject with a message fit to show.
 */
export function useBilling() {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const status = useQuery(trpc.billing.status.queryOptions())

  async function leaveFor(call: () => Promise<{ url: string }>, fallback: string) {
    let url: string
    try {
      url = (await call()).url
    } catch (error) {
      throw new Error(describeApiError(error, fallback))
    }
    window.location.assign(url)
  }

  return {
    status: status.data,
    /** Shown instead of an upgrade button when this installation takes no upgrades online. */
    upgradeHowTo: status.data && !status.data.enabled ? ACCOUNT_MESSAGES.upgradeHowTo : undefined,
    upgrade: () => leaveFor(() => trpcClient.billing.checkout.mutate(), 'Couldn’t start the checkout. Try again.'),
    manageBilling: () => leaveFor(() => trpcClient.billing.portal.mutate(), 'Couldn’t open billing. Try again.'),
  }
}
