import type { ReactNode } from 'react'
import { ROUTES } from '../router/routes.ts'
import { Link } from '../router/link.tsx'
import type { SessionUser } from '../session/session-query.ts'
import { BrandLogo } from './brand-logo.tsx'
import { LogoutButton } from './logout-button.tsx'

export interface AppShellProps {
  user: SessionUser
  /** Which navigation entry to mark as the current page, if any. */
  current?: 'settings' | 'admin'
  children: ReactNode
}

/** The frame of every logged-in page: header with navigation, account and log out; then the page. */
export function AppShell({ user, current, children }: AppShellProps) {
  return (
    <div className="min-h-dvh bg-zinc-50">
      <a
        href="#main"
        className="sr-only rounded-lg bg-white px-4 py-2 text-sm font-medium text-indigo-700 shadow-lg ring-1 ring-zinc-200 focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50"
      >
        Skip to main content
      </a>
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-16 max-w-5xl items-center gap-8 px-4 sm:px-6">
          <Link
            href={ROUTES.settings}
            aria-label="Storra Cloud dashboard home"
            className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
          >
            <BrandLogo />
          </Link>
          <nav aria-label="Main" className="flex h-full items-stretch">
            <Link
              href={ROUTES.settings}
              aria-current={current === 'settings' ? 'page' : undefined}
              className="inline-flex items-center border-b-2 border-transparent px-1 text-sm font-medium text-zinc-500 hover:border-zinc-300 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=page]:border-indigo-600 aria-[current=page]:text-zinc-900"
            >
              Settings
            </Link>
            {user.role === 'admin' && (
              <Link
                href={ROUTES.admin}
                aria-current={current === 'admin' ? 'page' : undefined}
                className="ml-6 inline-flex items-center border-b-2 border-transparent px-1 text-sm font-medium text-zinc-500 hover:border-zinc-300 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-600 aria-[current=page]:border-indigo-600 aria-[current=page]:text-zinc-900"
              >
                Admin
              </Link>
            )}
          </nav>
          {/* Served by the API server itself (Swagger UI at /docs), not a page of this app. */}
          <a
            href="/docs"
            className="hidden rounded-md text-sm font-medium text-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600 sm:inline"
          >
            API reference
          </a>
          <div className="ml-auto flex min-w-0 items-center gap-4">
            <span className="hidden truncate text-sm text-zinc-600 sm:block" title={user.email}>
              {user.email}
            </span>
            <LogoutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-10 focus:outline-none sm:px-6">
        {children}
      </main>
    </div>
  )
}
