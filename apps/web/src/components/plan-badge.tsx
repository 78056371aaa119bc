import type { Plan } from '@storra/ui'

const BADGES: Record<Plan, { text: string; className: string }> = {
  pro: { text: 'Cloud Pro', className: 'bg-indigo-50 text-indigo-700 ring-indigo-600/20' },
  free: { text: 'Free plan', className: 'bg-zinc-100 text-zinc-600 ring-zinc-500/20' },
}

export function PlanBadge({ plan }: { plan: Plan }) {
  const badge = BADGES[plan]
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${badge.className}`}
    >
      {badge.text}
    </span>
  )
}
