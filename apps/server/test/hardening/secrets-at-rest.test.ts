import { createHash } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DashboardRestClient, callClientApi, startTestServer, type TestServer } from '../../src/testing.ts'
import { dumpPublicTables } from './database-rows.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

describeEachDatabase('no secrets at rest', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('no table holds a plaintext key or password after a whole flow', async () => {
    const user = await server.createUser({ plan: 'pro', password: 'at-rest password that is secret' })
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, 'a wrong password guess')).status).toBe(401)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    const kept = await client.createKey('kept')
    const revoked = await client.createKey('revoked')
    expect((await callClientApi(server.url, kept.key)).status).toBe(200)
    expect((await callClientApi(server.url, revoked.key)).status).toBe(200)
    expect((await client.request('DELETE', `/api/v1/dashboard/users/me/api-keys/${revoked.prefix}`)).status).toBe(200)
    const newPassword = 'the changed password, also secret'
    const change = await client.request('POST', '/api/v1/dashboard/users/me/password', {
      currentPassword: user.password,
      newPassword,
    })
    expect(change.status).toBe(200)
    await server.services.lastUsed.flush()

    const dump = await dumpPublicTables(server.services.database)
    expect(Object.keys(dump)).toEqual(expect.arrayContaining(['users', 'api_keys', 'sessions']))
    const everything = JSON.stringify(dump)
    // The dump is real: the keys are there, as hashes, and the password as an argon2id hash.
    for (const key of [kept, revoked]) {
      expect(everything).toContain(createHash('sha256').update(key.key).digest('hex'))
      expect(everything).toContain(key.prefix)
    }
    expect(everything).toContain('$argon2id$')
    for (const secret of [
      kept.key,
      revoked.key,
      kept.key.slice(3),
      user.password,
      newPassword,
      'a wrong password guess',
    ]) {
      expect(everything.includes(secret), `a secret (${secret.slice(0, 6)}…) is stored in plaintext`).toBe(false)
    }
  })
})
