import { classNames } from './class-names'
import { PLAN_BADGE_TEXT, type Plan } from '@storra/core/types'

const BADGE_CLASS: Record<Plan, string> = {
  pro: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20',
  free: 'bg-zinc-100 text-zinc-600 ring-zinc-500/20',
}

export type PlanBadgeProps = { plan: Plan; className?: string }

/** The account's plan as a small pill: "Cloud Pro" or "Free plan". */
export function PlanBadge({ plan, className }: PlanBadgeProps) {
  return (
    <span
      className={classNames(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        BADGE_CLASS[plan],
        className,
      )}
    >
      {PLAN_BADGE_TEXT[plan]}
    </span>
  )
}
