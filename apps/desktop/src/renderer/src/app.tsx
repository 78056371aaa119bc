import { useCallback, useEffect, useState } from 'react'
import { APP_MESSAGES } from '@storra/core/errors'
import { Spinner } from '@storra/ui'
import { DEFAULT_SERVER_URL, type SessionPersistence, type SessionUser } from '../../shared/desktop-api.ts'
import { SignInScreen } from './sign-in-screen.tsx'
import { UnreachableScreen } from './unreachable-screen.tsx'
import { Workspace } from './workspace.tsx'

type AppState =
  | { screen: 'starting' }
  | { screen: 'sign-in'; serverUrl: string; persistence: SessionPersistence; notice?: string }
  | { screen: 'unreachable'; serverUrl: string; persistence: SessionPersistence; message: string }
  | { screen: 'workspace'; serverUrl: string; persistence: SessionPersistence; user: SessionUser }

/** Chooses the screen: starting up, signing in, a server that cannot be reached, or the workspace. */
export function App() {
  const [state, setState] = useState<AppState>({ screen: 'starting' })

  const restore = useCallback(async () => {
    const result = await window.api.session.restore()
    if (!result.ok) {
      setState({
        screen: 'sign-in',
        serverUrl: DEFAULT_SERVER_URL,
        persistence: 'memory-only',
        notice: result.error.message,
      })
      return
    }
    const session = result.value
    const { serverUrl, persistence } = session
    if (session.status === 'signed-in') setState({ screen: 'workspace', serverUrl, persistence, user: session.user })
    else if (session.status === 'unreachable')
      setState({ screen: 'unreachable', serverUrl, persistence, message: session.message })
    else {
      const notice = session.expired ? APP_MESSAGES.sessionExpired : undefined
      setState({ screen: 'sign-in', serverUrl, persistence, notice })
    }
  }, [])

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- restore() sets state only after awaiting the main process
    void restore()
  }, [restore])

  const showSignIn = useCallback((notice?: string) => {
    setState((current) =>
      current.screen === 'starting'
        ? current
        : { screen: 'sign-in', serverUrl: current.serverUrl, persistence: current.persistence, notice },
    )
  }, [])

  async function signOut() {
    await window.api.session.logout()
    showSignIn()
  }

  switch (state.screen) {
    case 'starting':
      return (
        <main className="flex min-h-screen items-center justify-center text-zinc-500">
          <Spinner label="Starting Storra Keys" className="size-6" />
        </main>
      )
    case 'sign-in':
      return (
        <SignInScreen
          initialServerUrl={state.serverUrl}
          persistence={state.persistence}
          notice={state.notice}
          onSignedIn={(serverUrl, user) =>
            setState({ screen: 'workspace', serverUrl, persistence: state.persistence, user })
          }
        />
      )
    case 'unreachable':
      return (
        <UnreachableScreen serverUrl={state.serverUrl} message={state.message} onRetry={restore} onSignOut={signOut} />
      )
    case 'workspace':
      return (
        <Workspace
          key={state.user.id}
          serverUrl={state.serverUrl}
          initialUser={state.user}
          onSessionEnded={showSignIn}
          onSignOut={signOut}
        />
      )
  }
}
