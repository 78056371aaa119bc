import { buttonClassName } from '@storra/ui'
import { AppShell } from '../components/app-shell.tsx'
import { useDocumentTitle } from '../components/use-document-title.ts'
import { Link } from '../router/link.tsx'
import { ROUTES } from '../router/routes.ts'
import type { SessionUser } from '../session/session-query.ts'

export function NotFoundPage({ user }: { user: SessionUser }) {
  useDocumentTitle('Page not found')
  return (
    <AppShell user={user}>
      <div className="mx-auto max-w-md py-16 text-center">
        <p className="text-sm font-semibold text-indigo-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">Page not found</h1>
        <p className="mt-2 text-sm text-zinc-500">There is no dashboard page at this address.</p>
        <Link href={ROUTES.settings} className={`${buttonClassName({ variant: 'primary' })} mt-6`}>
          Go to Settings
        </Link>
      </div>
    </AppShell>
  )
}
