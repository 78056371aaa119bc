import { hash } from '@node-rs/argon2'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '@storra/db'
import {
  DashboardRestClient,
  loggedInClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../../src/testing.ts'
import { trpcMutation } from '../hardening/trpc-over-http.ts'

// Issue 10.9: a password set in NFC and typed in NFD (or the reverse) was refused. Passwords
// are compared in NFC (NIST SP 800-63B 5.1.1.2); hashes made before, of the password as
// typed, keep working.
const NFC = 'Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u00c5ngstr\u00f6m'
const NFD = NFC.normalize('NFD')

describe.each(testDatabaseTargets())('passwords compared in Unicode NFC ($name)', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(() => server?.dispose())

  it('the two forms really differ', () => {
    expect(NFD).not.toBe(NFC)
    expect(NFD.normalize('NFC')).toBe(NFC)
  })

  for (const [set, typed] of [
    ['NFC', 'NFD'],
    ['NFD', 'NFC'],
  ] as const) {
    it(`logs in with a password set in ${set} and typed in ${typed}, on REST and tRPC`, async () => {
      const user = await server.createUser({ password: set === 'NFC' ? NFC : NFD })
      const password = typed === 'NFC' ? NFC : NFD
      expect((await new DashboardRestClient(server.url).login(user.email, password)).status).toBe(200)
      expect(
        (await trpcMutation(new DashboardRestClient(server.url), 'auth.login', { email: user.email, password })).status,
      ).toBe(200)
    })
  }

  it('accepts the other form as the current password when changing it', async () => {
    const { client } = await loggedInClient(server, { password: NFC })
    const res = await client.request('POST', '/api/v1/dashboard/users/me/password', {
      currentPassword: NFD,
      newPassword: 'a different password',
    })
    expect(res.status).toBe(200)
  })

  it('keeps a hash made before normalisation (of an NFD password as typed) valid', async () => {
    const user = await server.createUser({})
    // What the previous code stored for a password typed in NFD: the hash of the raw string.
    const legacy = await hash(NFD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })
    await server.services.database.db.update(users).set({ passwordHash: legacy }).where(eq(users.id, user.id))
    expect((await new DashboardRestClient(server.url).login(user.email, NFD)).status).toBe(200)
    expect((await new DashboardRestClient(server.url).login(user.email, 'not the password at all')).status).toBe(401)
  })
})
