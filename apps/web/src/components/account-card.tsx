import { useId, type ReactNode } from 'react'
import { BillingPanel, formatDate, PlanBadge, Timestamp } from '@storra/ui'
import type { SessionUser } from '../session/session-query.ts'
import { useBilling } from './use-billing.ts'

/** Where the API keys section's upgrade notice points: the plan row explains how to upgrade. */
export const PLAN_ANCHOR = 'plan'

function Row({ id, term, children }: { id?: string; term: string; children: ReactNode }) {
  return (
    <div id={id} className="scroll-mt-6 py-4 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-zinc-500">{term}</dt>
      <dd className="mt-1 text-sm text-zinc-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  )
}

export function AccountCard({ user }: { user: SessionUser }) {
  const headingId = useId()
  const billing = useBilling()
  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-zinc-200 bg-white shadow-sm">
      <header className="px-6 pt-6">
        <h2 id={headingId} className="text-base font-semibold text-zinc-900">
          Account
        </h2>
        <p className="mt-1 text-sm text-zinc-500">The account you are logged in with and its plan.</p>
      </header>
      <dl className="divide-y divide-zinc-100 px-6 pb-2">
        <Row term="Email">
          <span className="break-all">{user.email}</span>
        </Row>
        <Row id={PLAN_ANCHOR} term="Plan">
          <PlanBadge plan={user.plan} />
          <p className="mt-2 text-sm text-zinc-500">
            {user.plan === 'pro'
              ? 'Your account can create API keys and call the client API.'
              : 'The client API and new API keys need Cloud Pro.'}
          </p>
          <BillingPanel
            plan={user.plan}
            billing={billing.status}
            onUpgrade={billing.upgrade}
            onManageBilling={billing.manageBilling}
          />
        </Row>
        <Row term="Member since">
          <Timestamp value={user.created_at}>{formatDate(user.created_at)}</Timestamp>
        </Row>
      </dl>
    </section>
  )
}
