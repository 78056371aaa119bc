import { render } from '@testing-library/react'
import { inject } from 'vitest'
import { AppProviders } from '../api/app-providers.tsx'
import { createAppQueryClient } from '../api/query-client.ts'
import { createDashboardClient } from '../api/trpc.ts'
import { App } from '../app.tsx'
import { CookieJarFetch } from './cookie-jar-fetch.ts'

/** The whole app at `path`, talking to the real API server through `jar`'s session. */
export function renderDashboard(path: string, jar = new CookieJarFetch()) {
  const { url } = inject('dashboardApi')
  window.history.replaceState(null, '', path)
  const trpcClient = createDashboardClient({ url: `${url}/api/v1/dashboard/trpc`, fetch: jar.fetch })
  const queryClient = createAppQueryClient()
  const rendered = render(
    <AppProviders trpcClient={trpcClient} queryClient={queryClient}>
      <App />
    </AppProviders>,
  )
  return { ...rendered, jar, queryClient }
}
