import type { Plan, Role } from '@storra/core'
import type { TestDatabase } from '@storra/db/testing'
import { createServices, type Services, type ServicesOptions } from './index.ts'
import { createUser } from './users.ts'

/** Services over a real test database, with a helper to make accounts. For tests only. */
export function servicesFor(handle: TestDatabase, options: ServicesOptions = {}) {
  const services: Services = createServices(handle.database, options)
  let n = 0
  return {
    services,
    makeUser: (plan: Plan = 'pro', role: Role = 'user') =>
      createUser(services, {
        email: `u${++n}-${Date.now()}@example.com`,
        password: 'a long enough password',
        plan,
        role,
      }),
  }
}
