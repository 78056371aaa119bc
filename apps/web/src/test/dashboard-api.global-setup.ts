import type { TestProject } from 'vitest/node'
import { createApiKey, setUserPlan } from '@storra/api'
import type { Plan } from '@storra/core/types'
import { startTestServer, testDatabaseTargets } from '@storra/server/testing'
import type { DashboardApiFixture } from './dashboard-api-fixture.ts'

/** Starts a real server on PGlite for the jsdom tests and seeds their accounts. */
export default async function startDashboardApi(project: TestProject): Promise<() => Promise<void>> {
  const [pglite] = testDatabaseTargets()
  const server = await startTestServer(pglite!)
  const account = async (plan: Plan) => {
    const { id, email, password } = await server.createUser({ plan })
    return { id, email, password }
  }
  const settingsFree = await account('pro')
  await createApiKey(server.services, settingsFree.id, 'Legacy integration')
  await setUserPlan(server.services, { userId: settingsFree.id }, 'free')

  const fixture: DashboardApiFixture = {
    url: server.url,
    accounts: {
      routing: await account('pro'),
      expiring: await account('pro'),
      settingsPro: await account('pro'),
      settingsFree,
      lifecycle: await account('pro'),
    },
  }
  project.provide('dashboardApi', fixture)
  return () => server.dispose()
}
