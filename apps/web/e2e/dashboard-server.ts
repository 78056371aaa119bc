import { startTestServer, testDatabaseTargets, type TestServer } from '@storra/server/testing'
import { WEB_DIST_DIR } from './web-app-build.ts'

/** A real server on a fresh PGlite database, serving the production build under /dashboard. */
export function startDashboardServer(): Promise<TestServer> {
  const [pglite] = testDatabaseTargets()
  return startTestServer(pglite!, { web: { distDir: WEB_DIST_DIR } })
}
