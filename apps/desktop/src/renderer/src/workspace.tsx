import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, ErrorMessage } from '@storra/ui'
import type { DesktopResult, SessionUser } from '../../shared/desktop-api.ts'
import { AccountView } from './account-view.tsx'
import { AdminConsole } from './admin-console.tsx'
import { AppLogo } from './app-logo.tsx'
import { isSessionEnd } from './desktop-call.ts'
import { KeysView } from './keys-view.tsx'
import { createDesktopTrpcClient, TRPCProvider } from './trpc.ts'

export type WorkspaceProps = {
  serverUrl: string
  initialUser: SessionUser
  /** The server no longer accepts the session: back to sign-in, saying why. */
  onSessionEnded: (notice: string) => void
  onSignOut: () => Promise<void>
}

type View = 'keys' | 'account' | 'admin'

/** The signed-in app: the person's keys and, for admins, the admin console. */
export function Workspace({ serverUrl, initialUser, onSessionEnded, onSignOut }: WorkspaceProps) {
  const [user, setUser] = useState(initialUser)
  const [view, setView] = useState<View>('keys')
  const [connectionProblem, setConnectionProblem] = useState<string | null>(null)
  const [isSigningOut, setIsSigningOut] = useState(false)
  // The link outlives renders; it reads the latest callback through this ref.
  const sessionEnded = useRef(onSessionEnded)
  useEffect(() => {
    sessionEnded.current = onSessionEnded
  }, [onSessionEnded])

  // Every procedure call's answer passes through here, so an ended session or a lost server is handled in one place.
  // eslint-disable-next-line react-hooks/refs -- the ref is read when a call answers, never during render
  const [trpcClient] = useState(() =>
    createDesktopTrpcClient((result: DesktopResult<unknown>) => {
      if (result.ok) {
        setConnectionProblem(null)
        return
      }
      const { code, message } = result.error
      if (isSessionEnd(code)) sessionEnded.current(message)
      if (code === 'unreachable') setConnectionProblem(message)
    }),
  )
  // One cache per signed-in account (the workspace is keyed by user): nothing of another account can show.
  // No retries: main already gave the server its timeout, and an ended session will not come back by asking again.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: false, staleTime: 15_000 }, mutations: { retry: false } },
      }),
  )

  /** Plans and roles change on the server (an admin, the billing system): fetch the account again. */
  const refreshUser = useCallback(async () => {
    try {
      setUser((await trpcClient.auth.me.query()).user)
    } catch {
      // The link already moved to sign-in or flagged the connection; nothing else to show.
    }
  }, [trpcClient])

  async function signOut() {
    setIsSigningOut(true)
    await onSignOut()
  }

  const isAdmin = user.role === 'admin'

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <div className="min-h-screen">
          <header className="border-b border-zinc-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-6 py-3">
              <div className="flex items-center gap-2.5">
                <AppLogo className="size-7" />
                <span className="text-sm font-semibold text-zinc-900">Storra Keys</span>
              </div>
              <nav aria-label="Sections" className="flex gap-1">
                <TabButton isCurrent={view === 'keys'} onClick={() => setView('keys')}>
                  API keys
                </TabButton>
                <TabButton isCurrent={view === 'account'} onClick={() => setView('account')}>
                  Account
                </TabButton>
                {isAdmin && (
                  <TabButton isCurrent={view === 'admin'} onClick={() => setView('admin')}>
                    Admin console
                  </TabButton>
                )}
              </nav>
              <div className="ml-auto flex items-center gap-4">
                <div className="text-right text-xs leading-5">
                  <p className="font-medium text-zinc-900" data-testid="signed-in-email">
                    {user.email}
                  </p>
                  <p className="text-zinc-500">{serverUrl}</p>
                </div>
                <Button size="sm" onClick={() => void signOut()} isPending={isSigningOut} pendingLabel="Signing out…">
                  Sign out
                </Button>
              </div>
            </div>
          </header>

          <main className="mx-auto max-w-6xl space-y-6 px-6 py-8">
            {connectionProblem && (
              <ErrorMessage variant="banner" title="Can’t reach the server">
                {connectionProblem}
              </ErrorMessage>
            )}
            {view === 'admin' && isAdmin ? (
              <AdminConsole currentUserId={user.id} onOwnAccountChanged={refreshUser} />
            ) : view === 'account' ? (
              <AccountView email={user.email} plan={user.plan} onLoggedOutEverywhere={signOut} />
            ) : (
              <KeysView
                serverUrl={serverUrl}
                plan={user.plan}
                onPlanMayHaveChanged={refreshUser}
                onShowAccount={() => setView('account')}
              />
            )}
          </main>
        </div>
      </TRPCProvider>
    </QueryClientProvider>
  )
}

function TabButton({ isCurrent, onClick, children }: { isCurrent: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      aria-current={isCurrent ? 'page' : undefined}
      onClick={onClick}
      className={`cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
        isCurrent ? 'bg-zinc-100 text-zinc-900' : 'text-zinc-500 hover:text-zinc-900'
      }`}
    >
      {children}
    </button>
  )
}
