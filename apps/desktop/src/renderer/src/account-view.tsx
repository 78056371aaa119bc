import { useQuery } from '@tanstack/react-query'
import { AccountSecurity, BillingPanel, getErrorMessage, PlanBadge } from '@storra/ui'
import type { Plan } from '../../shared/desktop-api.ts'
import { useTRPC, useTRPCClient } from './trpc.ts'

export type AccountViewProps = {
  email: string
  plan: Plan
  /** Every session ended (this one too): back to sign-in. */
  onLoggedOutEverywhere: () => Promise<void>
}

/** The signed-in account: plan and billing, password, sessions (the web dashboard's Settings, shared UI). */
export function AccountView({ email, plan, onLoggedOutEverywhere }: AccountViewProps) {
  const trpc = useTRPC()
  const trpcClient = useTRPCClient()
  const billing = useQuery(trpc.billing.status.queryOptions())

  /** Stripe's pages open in the default browser (main sends every new window there). */
  async function openStripe(call: () => Promise<{ url: string }>, fallback: string) {
    try {
      window.open((await call()).url)
    } catch (failure) {
      throw new Error(getErrorMessage(failure, fallback))
    }
  }

  async function changePassword(input: { currentPassword: string; newPassword: string }) {
    try {
      await trpcClient.auth.changePassword.mutate(input)
    } catch (failure) {
      throw new Error(getErrorMessage(failure, 'Couldn’t change the password.'))
    }
  }

  async function logoutEverywhere() {
    try {
      await trpcClient.auth.logoutEverywhere.mutate()
    } catch (failure) {
      throw new Error(getErrorMessage(failure, 'Couldn’t log out everywhere.'))
    }
    await onLoggedOutEverywhere()
  }

  return (
    <div className="space-y-6">
      <section className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm" aria-label="Plan">
        <h2 className="text-base font-semibold text-zinc-900">Plan</h2>
        <p className="mt-1 text-sm text-zinc-500">{email}</p>
        <div className="mt-3">
          <PlanBadge plan={plan} />
        </div>
        <BillingPanel
          plan={plan}
          billing={billing.data}
          onUpgrade={() => openStripe(() => trpcClient.billing.checkout.mutate(), 'Couldn’t start the checkout.')}
          onManageBilling={() => openStripe(() => trpcClient.billing.portal.mutate(), 'Couldn’t open billing.')}
        />
      </section>
      <AccountSecurity onChangePassword={changePassword} onLogoutEverywhere={logoutEverywhere} />
    </div>
  )
}
