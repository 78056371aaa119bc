import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AppProviders } from './api/app-providers.tsx'
import { createAppQueryClient } from './api/query-client.ts'
import { createDashboardClient } from './api/trpc.ts'
import { App } from './app.tsx'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders trpcClient={createDashboardClient()} queryClient={createAppQueryClient()}>
      <App />
    </AppProviders>
  </StrictMode>,
)
