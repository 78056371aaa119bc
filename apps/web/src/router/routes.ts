/** Every path of the dashboard. The server serves the app under /dashboard (Vite `base`). */
export const ROUTES = {
  home: '/dashboard',
  login: '/dashboard/login',
  settings: '/dashboard/settings',
  resetPassword: '/dashboard/reset-password',
  admin: '/dashboard/admin',
} as const

type Page = 'login' | 'settings' | 'reset-password' | 'admin' | 'not-found'

export type SessionStatus = 'loading' | 'error' | 'anonymous' | 'authenticated'

export type RouteDecision =
  /** The session is not known yet; show a loading state. */
  | { kind: 'wait' }
  /** The session could not be checked (server unreachable); show an error with a retry. */
  | { kind: 'session-error' }
  | { kind: 'redirect'; to: string }
  | { kind: 'page'; page: Page }

function pageAt(pathname: string): Page | 'home' {
  const path = pathname.replace(/\/+$/, '')
  if (path === ROUTES.home || path === '') return 'home'
  if (path === ROUTES.login) return 'login'
  if (path === ROUTES.settings) return 'settings'
  if (path === ROUTES.resetPassword) return 'reset-password'
  if (path === ROUTES.admin) return 'admin'
  return 'not-found'
}

/**
 * What to show at `pathname` for a session in `status`: logged-out visits to any dashboard
 * page land on the login form, and the login form sends a logged-in account to Settings.
 */
export function resolveRoute(pathname: string, status: SessionStatus): RouteDecision {
  const page = pageAt(pathname)
  // A reset link works whoever is signed in (or nobody): the token names the account.
  if (page === 'reset-password') return { kind: 'page', page }
  switch (status) {
    case 'loading':
      return { kind: 'wait' }
    case 'error':
      // The form can still be tried, and its own error says what is wrong.
      return page === 'login' ? { kind: 'page', page } : { kind: 'session-error' }
    case 'anonymous':
      return page === 'login' ? { kind: 'page', page } : { kind: 'redirect', to: ROUTES.login }
    case 'authenticated':
      return page === 'login' || page === 'home' ? { kind: 'redirect', to: ROUTES.settings } : { kind: 'page', page }
  }
}
