import { describe, expect, it } from 'vitest'
import { resolveRoute, ROUTES } from './routes.ts'

describe('resolveRoute', () => {
  it('waits while the session is unknown, whatever the page', () => {
    for (const path of [ROUTES.login, ROUTES.settings, '/dashboard', '/dashboard/nope']) {
      expect(resolveRoute(path, 'loading')).toEqual({ kind: 'wait' })
    }
  })

  it('sends logged-out visits to any dashboard page to the login form', () => {
    for (const path of [
      ROUTES.settings,
      '/dashboard',
      '/dashboard/',
      '/dashboard/settings/',
      '/dashboard/no-such-page',
    ]) {
      expect(resolveRoute(path, 'anonymous')).toEqual({ kind: 'redirect', to: ROUTES.login })
    }
    expect(resolveRoute(ROUTES.login, 'anonymous')).toEqual({ kind: 'page', page: 'login' })
  })

  it('sends a logged-in account from the login form and the dashboard root to Settings', () => {
    for (const path of [ROUTES.login, '/dashboard/login/', '/dashboard', '/dashboard/']) {
      expect(resolveRoute(path, 'authenticated')).toEqual({ kind: 'redirect', to: ROUTES.settings })
    }
  })

  it('opens Settings to a logged-in account, with or without a trailing slash', () => {
    expect(resolveRoute(ROUTES.settings, 'authenticated')).toEqual({ kind: 'page', page: 'settings' })
    expect(resolveRoute('/dashboard/settings/', 'authenticated')).toEqual({ kind: 'page', page: 'settings' })
  })

  it('answers unknown dashboard paths with the not-found page once logged in', () => {
    expect(resolveRoute('/dashboard/billing', 'authenticated')).toEqual({ kind: 'page', page: 'not-found' })
    expect(resolveRoute('/dashboard/Settings', 'authenticated')).toEqual({ kind: 'page', page: 'not-found' })
  })

  it('keeps the login form usable when the session check failed, and reports the failure elsewhere', () => {
    expect(resolveRoute(ROUTES.login, 'error')).toEqual({ kind: 'page', page: 'login' })
    expect(resolveRoute(ROUTES.settings, 'error')).toEqual({ kind: 'session-error' })
  })
})
