import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { DASHBOARD_MESSAGES, type Plan, type Role } from '@storra/core'
import type { TestDatabase } from '@storra/db/testing'
import { appRouter } from '../root.ts'
import { createApiKey } from '../services/api-keys.ts'
import { createServices, type Services } from '../services/index.ts'
import { createSession, findSessionUser } from '../services/sessions.ts'
import type { SessionUser } from '../services/types.ts'
import { createUser, findUserById } from '../services/users.ts'
import { createCallerFactory, type DashboardSession } from '../trpc.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

// Real databases: PGlite here, plus PostgreSQL when TEST_DATABASE_URL is set.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 })

const createCaller = createCallerFactory(appRouter)
const UNKNOWN_ID = '3f2b8c1e-9d4a-4f6b-8e2c-1a5d7b9c0e3f'
let emailCounter = 0

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  )
  expect(error).toBeInstanceOf(TRPCError)
  return error as TRPCError
}

describeEachDatabase('admin procedures', (target) => {
  let db: TestDatabase
  let services: Services

  beforeAll(async () => {
    db = await target.create()
    services = createServices(db.database, { keyCache: { cacheSize: 1000 } })
    await services.start()
  })
  afterAll(async () => {
    await services?.stop()
    await db?.dispose()
  })

  async function account(input: { plan?: Plan; role?: Role; email?: string } = {}) {
    const email = input.email ?? `account${++emailCounter}-${Date.now()}@example.com`
    return createUser(services, {
      email,
      password: 'correct horse battery staple',
      plan: input.plan ?? 'pro',
      role: input.role,
    })
  }

  /** The caller a request with this account's session cookie gets, the session looked up as the server does. */
  async function callerFor(user: SessionUser | null) {
    const sessionUser = user ? await findSessionUser(services, await createSession(services, user.id)) : null
    const session: DashboardSession = {
      user: sessionUser,
      login: async () => {},
      logout: async () => {},
    }
    return createCaller({ services, session })
  }

  it('answers a logged-out caller UNAUTHORIZED on every admin procedure', async () => {
    const victim = await account()
    const key = await createApiKey(services, victim.id, 'victim key')
    const caller = await callerFor(null)
    const attempts = [
      caller.admin.listUsers({}),
      caller.admin.setPlan({ userId: victim.id, plan: 'free' }),
      caller.admin.listKeys({ userId: victim.id }),
      caller.admin.revokeKey({ userId: victim.id, prefix: key.prefix }),
    ]
    for (const attempt of attempts) {
      const error = await rejection(attempt)
      expect(error.code).toBe('UNAUTHORIZED')
      expect(error.message).toBe(DASHBOARD_MESSAGES.notAuthenticated)
    }
    expect((await findUserById(services, victim.id))?.plan).toBe('pro')
    expect((await services.verifier.verify(key.key)).ok).toBe(true)
  })

  it('answers a signed-in non-admin FORBIDDEN and changes nothing', async () => {
    const user = await account({ plan: 'free', role: 'user' })
    const victim = await account()
    const key = await createApiKey(services, victim.id, 'victim key')
    const caller = await callerFor(user)
    const attempts = [
      caller.admin.listUsers(),
      caller.admin.setPlan({ userId: user.id, plan: 'pro' }),
      caller.admin.setPlan({ userId: victim.id, plan: 'free' }),
      caller.admin.listKeys({ userId: victim.id }),
      caller.admin.revokeKey({ userId: victim.id, prefix: key.prefix }),
      caller.admin.setRole({ userId: user.id, role: 'admin' }),
      caller.admin.deleteUser({ userId: victim.id }),
      caller.admin.resetLink({ userId: victim.id }),
    ]
    for (const attempt of attempts) {
      const error = await rejection(attempt)
      expect(error.code).toBe('FORBIDDEN')
      expect(error.message).toBe(DASHBOARD_MESSAGES.adminOnly)
    }
    expect(await findUserById(services, user.id)).toMatchObject({ plan: 'free', role: 'user' })
    expect((await findUserById(services, victim.id))?.plan).toBe('pro')
    expect((await services.verifier.verify(key.key)).ok).toBe(true)
  })

  it('lists and searches accounts with their active key counts', async () => {
    const admin = await callerFor(await account({ role: 'admin' }))
    const tag = `srch${Date.now()}`
    const first = await account({ email: `${tag}-first@example.com` })
    const second = await account({ email: `${tag}_second@example.com`, plan: 'free' })
    await createApiKey(services, first.id, 'one')
    const revoked = await createApiKey(services, first.id, 'two')
    await admin.admin.revokeKey({ userId: first.id, prefix: revoked.prefix })

    const found = await admin.admin.listUsers({ query: `  ${tag.toUpperCase()}  ` })
    expect(found).toEqual([
      { ...first, active_keys: 1 },
      { ...second, active_keys: 0 },
    ])
    // LIKE wildcards in the search are literal characters.
    expect((await admin.admin.listUsers({ query: `${tag}_` })).map((user) => user.email)).toEqual([second.email])
    expect(await admin.admin.listUsers({ query: `${tag}%first` })).toEqual([])
    expect((await admin.admin.listUsers()).length).toBeGreaterThanOrEqual(2)
  })

  it('changes a plan, and the key cache sees it at once', async () => {
    const admin = await callerFor(await account({ role: 'admin' }))
    const customer = await account({ plan: 'pro' })
    const key = await createApiKey(services, customer.id, 'cached')
    const before = await services.verifier.verify(key.key)
    expect(before.ok && before.key.user.plan).toBe('pro')

    expect(await admin.admin.setPlan({ userId: customer.id, plan: 'free' })).toEqual({
      user: { ...customer, plan: 'free' },
    })
    const after = await services.verifier.verify(key.key)
    expect(after.ok && after.key.user.plan).toBe('free')

    const missing = await rejection(admin.admin.setPlan({ userId: UNKNOWN_ID, plan: 'pro' }))
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', DASHBOARD_MESSAGES.userNotFound])
  })

  it('lists any account’s keys, revoked ones too, and revokes them (reason admin), but only that account’s', async () => {
    const admin = await callerFor(await account({ role: 'admin' }))
    const owner = await account()
    const other = await account()
    const key = await createApiKey(services, owner.id, 'owned')
    const listed = await admin.admin.listKeys({ userId: owner.id })
    const { key: _secret, ...summary } = key
    expect(listed).toEqual([summary])

    // The prefix must belong to the account named: no revoking across accounts by mistake.
    const wrongOwner = await rejection(admin.admin.revokeKey({ userId: other.id, prefix: key.prefix }))
    expect([wrongOwner.code, wrongOwner.message]).toEqual(['NOT_FOUND', DASHBOARD_MESSAGES.keyNotFound])
    expect((await services.verifier.verify(key.key)).ok).toBe(true)

    expect(await admin.admin.revokeKey({ userId: owner.id, prefix: key.prefix })).toEqual({ revoked: true })
    expect(await services.verifier.verify(key.key)).toEqual({ ok: false, reason: 'unknown', revokedKeyId: key.id })
    expect(await admin.admin.listKeys({ userId: owner.id })).toEqual([
      {
        ...summary,
        // Verification alone is no use: only an accepted request (KeyUseRecorder.recordAccepted) is.
        last_used: null,
        state: 'revoked',
        revoked_at: expect.any(String),
        revoked_reason: 'admin',
      },
    ])

    const unknown = await rejection(admin.admin.listKeys({ userId: UNKNOWN_ID }))
    expect([unknown.code, unknown.message]).toEqual(['NOT_FOUND', DASHBOARD_MESSAGES.userNotFound])
  })

  it('rejects malformed input with BAD_REQUEST', async () => {
    const admin = await callerFor(await account({ role: 'admin' }))
    const attempts = [
      admin.admin.setPlan({ userId: 'not-a-uuid', plan: 'pro' }),
      admin.admin.setPlan({ userId: UNKNOWN_ID, plan: 'enterprise' as 'pro' }),
      admin.admin.listKeys({ userId: "1' or '1'='1" }),
      admin.admin.revokeKey({ userId: UNKNOWN_ID, prefix: 'x'.repeat(65) }),
      admin.admin.listUsers({ query: 'x'.repeat(321) }),
    ]
    for (const attempt of attempts) expect((await rejection(attempt)).code).toBe('BAD_REQUEST')
  })

  it('changes roles, but not its own', async () => {
    const adminUser = await account({ role: 'admin' })
    const admin = await callerFor(adminUser)
    const other = await account()
    expect(await admin.admin.setRole({ userId: other.id, role: 'admin' })).toEqual({
      user: { ...other, role: 'admin' },
    })
    expect((await findSessionUser(services, await createSession(services, other.id)))?.role).toBe('admin')
    const self = await rejection(admin.admin.setRole({ userId: adminUser.id, role: 'user' }))
    expect([self.code, self.message]).toEqual(['BAD_REQUEST', DASHBOARD_MESSAGES.cannotChangeOwnRole])
    expect((await findUserById(services, adminUser.id))?.role).toBe('admin')
  })

  it('deletes an account after revoking its keys, which stop working at once; never itself', async () => {
    const adminUser = await account({ role: 'admin' })
    const admin = await callerFor(adminUser)
    const doomed = await account()
    const key = await createApiKey(services, doomed.id, 'doomed')
    expect((await services.verifier.verify(key.key)).ok).toBe(true)
    expect(await admin.admin.deleteUser({ userId: doomed.id })).toEqual({ email: doomed.email, revoked_keys: 1 })
    expect((await services.verifier.verify(key.key)).ok).toBe(false)
    expect(await findUserById(services, doomed.id)).toBeUndefined()
    const again = await rejection(admin.admin.deleteUser({ userId: doomed.id }))
    expect(again.code).toBe('NOT_FOUND')
    const self = await rejection(admin.admin.deleteUser({ userId: adminUser.id }))
    expect([self.code, self.message]).toEqual(['BAD_REQUEST', DASHBOARD_MESSAGES.cannotDeleteSelf])
  })
})
