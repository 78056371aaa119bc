import { ACCOUNT_MESSAGES } from '@storra/core/errors'
import type { Plan } from '@storra/core/types'
import { Button } from './button'
import { ErrorMessage } from './error-message'
import { useAsyncAction } from './use-async-action'

export type BillingPanelProps = {
  plan: Plan
  /** From `billing.status`; undefined while loading. */
  billing: { enabled: boolean; has_billing_account: boolean } | undefined
  /** Starts Stripe Checkout and leaves for it; rejects with a message fit to show. */
  onUpgrade: () => Promise<void>
  /** Opens the Stripe customer portal; rejects with a message fit to show. */
  onManageBilling: () => Promise<void>
}

/**
 * The plan row's actions: "Upgrade to Cloud Pro" (Stripe Checkout) for free accounts and
 * "Manage billing" for subscribers; without Stripe, how upgrades work on this installation.
 */
export function BillingPanel({ plan, billing, onUpgrade, onManageBilling }: BillingPanelProps) {
  const action = useAsyncAction()
  if (!billing) return null
  if (!billing.enabled) {
    return plan === 'pro' ? null : <p className="mt-2 text-sm text-zinc-600">{ACCOUNT_MESSAGES.upgradeHowTo}</p>
  }
  return (
    <div className="mt-3 space-y-2">
      {plan === 'free' ? (
        <Button
          variant="primary"
          isPending={action.isPending}
          pendingLabel="Opening checkout…"
          onClick={() => void action.run(onUpgrade)}
        >
          Upgrade to Cloud Pro
        </Button>
      ) : billing.has_billing_account ? (
        <Button
          isPending={action.isPending}
          pendingLabel="Opening billing…"
          onClick={() => void action.run(onManageBilling)}
        >
          Manage billing
        </Button>
      ) : null}
      {action.error && <ErrorMessage>{action.error}</ErrorMessage>}
    </div>
  )
}
