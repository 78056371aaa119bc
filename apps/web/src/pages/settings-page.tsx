import { AccountCard } from '../components/account-card.tsx'
import { AccountSecuritySection } from '../components/account-security-section.tsx'
import { ActivitySection } from '../components/activity-section.tsx'
import { ApiKeysSection } from '../components/api-keys-section.tsx'
import { AppShell } from '../components/app-shell.tsx'
import { useDocumentTitle } from '../components/use-document-title.ts'
import type { SessionUser } from '../session/session-query.ts'

export function SettingsPage({ user }: { user: SessionUser }) {
  useDocumentTitle('Settings')
  return (
    <AppShell user={user} current="settings">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Settings</h1>
        <p className="mt-1 text-sm text-zinc-500">Your account, plan, API keys, their activity and security.</p>
      </div>
      <div className="mt-8 space-y-8">
        <AccountCard user={user} />
        <ApiKeysSection plan={user.plan} />
        <ActivitySection />
        <AccountSecuritySection />
      </div>
    </AppShell>
  )
}
