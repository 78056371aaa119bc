import { useEffect } from 'react'
import { describeApiError } from './api/api-error.ts'
import { PageError } from './components/page-error.tsx'
import { PageLoading } from './components/page-loading.tsx'
import { AdminPage } from './pages/admin-page.tsx'
import { LoginPage } from './pages/login-page.tsx'
import { NotFoundPage } from './pages/not-found-page.tsx'
import { ResetPasswordPage } from './pages/reset-password-page.tsx'
import { SettingsPage } from './pages/settings-page.tsx'
import { navigate, usePathname } from './router/history.ts'
import { resolveRoute } from './router/routes.ts'
import { useSession } from './session/use-session.ts'

export function App() {
  const pathname = usePathname()
  const session = useSession()
  const decision = resolveRoute(pathname, session.status)
  const redirectTo = decision.kind === 'redirect' ? decision.to : null

  useEffect(() => {
    // Replace, not push: Back must not return to a page that only redirects again.
    if (redirectTo) navigate(redirectTo, { replace: true })
  }, [redirectTo])

  if (session.status === 'error' && decision.kind === 'session-error') {
    return (
      <PageError
        title="Couldn’t load your dashboard"
        message={describeApiError(session.error, 'Something went wrong on our side. Try again in a moment.')}
        onRetry={session.retry}
        isRetrying={session.isRetrying}
      />
    )
  }
  if (decision.kind !== 'page') return <PageLoading />
  if (decision.page === 'login') return <LoginPage />
  if (decision.page === 'reset-password') return <ResetPasswordPage />
  // resolveRoute only opens the other pages to a logged-in account.
  if (session.status !== 'authenticated') return <PageLoading />
  if (decision.page === 'settings') return <SettingsPage user={session.user} />
  // Hiding the page is not access control (the procedures are admin-only); it just is not there for others.
  if (decision.page === 'admin' && session.user.role === 'admin') return <AdminPage user={session.user} />
  return <NotFoundPage user={session.user} />
}
