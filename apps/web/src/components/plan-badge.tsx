import { PLAN_BADGE_TEXT, type Plan } from '@storra/core/types'

const BADGE_CLASS: Record<Plan, string> = {
  pro: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  free: 'bg-zinc-100 text-zinc-600 ring-zinc-500/20',
}

export function PlanBadge({ plan }: { plan: Plan }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${BADGE_CLASS[plan]}`}>
      {PLAN_BADGE_TEXT[plan]}
    </span>
  )
}
