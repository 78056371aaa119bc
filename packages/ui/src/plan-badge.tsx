import { classNames } from './class-names'
import type { Plan } from './types'

const BADGES: Record<Plan, { text: string; className: string }> = {
  pro: { text: 'Cloud Pro', className: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20' },
  free: { text: 'Free plan', className: 'bg-zinc-100 text-zinc-600 ring-zinc-500/20' },
}

export type PlanBadgeProps = { plan: Plan; className?: string }

/** The account's plan as a small pill: "Cloud Pro" or "Free plan". */
export function PlanBadge({ plan, className }: PlanBadgeProps) {
  const badge = BADGES[plan]
  return (
    <span
      className={classNames(
        'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        badge.className,
        className,
      )}
    >
      {badge.text}
    </span>
  )
}
