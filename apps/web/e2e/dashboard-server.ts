import {
  startTestServer,
  testDatabaseTargets,
  type ServerConfigOverrides,
  type TestServer,
} from '@storra/server/testing'
import { WEB_DIST_DIR } from './web-app-build.ts'

/**
 * A real server on a fresh PGlite database, serving the production build under /dashboard;
 * `overrides` change other sections of its configuration (e.g. shorter rotation timings).
 */
export function startDashboardServer(overrides: Omit<ServerConfigOverrides, 'web'> = {}): Promise<TestServer> {
  const [pglite] = testDatabaseTargets()
  return startTestServer(pglite!, { ...overrides, web: { distDir: WEB_DIST_DIR } })
}
