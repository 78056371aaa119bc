import { Button, buttonClassName } from './button'
import { SparklesIcon } from './icons'

/** Where accounts upgrade to Cloud Pro. Relative, so it suits the web dashboard; desktop passes an absolute URL. */
const DEFAULT_UPGRADE_URL = '/dashboard/settings'

export type PlanNoticeProps = {
  /** A link to where the upgrade happens (the web dashboard's plan row). */
  upgradeUrl?: string
  /** Starts the upgrade here (Stripe Checkout); shown as the button instead of the link. */
  onUpgrade?: () => void
  /**
   * How upgrades work on this installation when it cannot take them online (no Stripe): shown
   * instead of any button, so the notice never sends a person in a circle.
   */
  upgradeHowTo?: string
}

export function PlanNotice({ upgradeUrl = DEFAULT_UPGRADE_URL, onUpgrade, upgradeHowTo }: PlanNoticeProps) {
  return (
    <div className="flex flex-col gap-4 rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex gap-3">
        <SparklesIcon className="mt-0.5 size-5 shrink-0 text-indigo-600" />
        <div>
          <p className="text-sm font-medium text-zinc-900">
            API access requires Cloud Pro plan. Upgrade to use the API.
          </p>
          <p className="mt-1 text-sm text-zinc-600">
            Free accounts can still view and revoke their existing keys. Upgrade to Cloud Pro to create new ones.
          </p>
          {upgradeHowTo && <p className="mt-2 text-sm text-zinc-700">{upgradeHowTo}</p>}
        </div>
      </div>
      {upgradeHowTo ? null : onUpgrade ? (
        <Button variant="primary" onClick={onUpgrade}>
          Upgrade to Cloud Pro
        </Button>
      ) : (
        <a href={upgradeUrl} className={buttonClassName({ variant: 'primary' })}>
          Upgrade to Cloud Pro
        </a>
      )}
    </div>
  )
}
