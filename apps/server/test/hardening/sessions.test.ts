import { afterAll, beforeAll, expect, it } from 'vitest'
import { DashboardRestClient, startTestServer, type TestServer } from '../../src/testing.ts'
import { parseSessionSecret } from '../../src/dashboard/session-secret.ts'
import { restartOnSameDatabase } from './restart-on-same-database.ts'
import { trpcMutation, trpcQuery } from './trpc-over-http.ts'
import { describeEachDatabase } from '@storra/db/testing/suites'

const OLD_SECRET = 'the-first-session-secret-of-32-chars-or-more'
const NEW_SECRET = 'the-second-session-secret-of-32-chars-or-more'

/** Another client holding a copy of the cookie, as an attacker who stole it would. */
function copyOf(client: DashboardRestClient): DashboardRestClient {
  const copy = new DashboardRestClient(client.baseUrl)
  copy.cookie = client.cookie
  return copy
}

async function meStatus(client: DashboardRestClient): Promise<number> {
  return (await client.request('GET', '/api/v1/dashboard/users/me')).status
}

async function expectLoggedOut(client: DashboardRestClient): Promise<void> {
  const res = await client.request('GET', '/api/v1/dashboard/users/me')
  expect(res.status).toBe(401)
  expect(await res.json()).toEqual({ error: expect.any(String) })
}

/** The iron-session seal names the secret it was made with: `Fe26.2*<id>*...`. */
function sealPasswordId(cookie: string): string | undefined {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1))
  return value.split('*')[1]
}

describeEachDatabase('sessions', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  async function signedIn(user: { email: string; password: string }): Promise<DashboardRestClient> {
    const client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
    return client
  }

  it('a copied cookie stops working after logout', async () => {
    const user = await server.createUser({})
    const client = await signedIn(user)
    const stolen = copyOf(client)
    expect(await meStatus(stolen)).toBe(200)
    expect((await client.request('POST', '/api/v1/dashboard/logout')).status).toBe(200)
    await expectLoggedOut(stolen)
    await expectLoggedOut(client)
  })

  it('logout-everywhere ends every session of the account, and only that account', async () => {
    const user = await server.createUser({})
    const bystander = await server.createUser({})
    const laptop = await signedIn(user)
    const phone = await signedIn(user)
    const stolen = copyOf(laptop)
    const someoneElse = await signedIn(bystander)

    const res = await laptop.request('POST', '/api/v1/dashboard/logout-everywhere')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    for (const client of [laptop, phone, stolen]) await expectLoggedOut(client)
    expect(await meStatus(someoneElse)).toBe(200)
  })

  it('logout-everywhere over tRPC does the same, and needs a session', async () => {
    const user = await server.createUser({})
    const first = await signedIn(user)
    const second = await signedIn(user)
    const res = await trpcMutation(first, 'auth.logoutEverywhere')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ result: { data: { ok: true } } })
    expect((await trpcQuery(second, 'auth.me')).status).toBe(401)
    const anonymous = await trpcMutation(new DashboardRestClient(server.url), 'auth.logoutEverywhere')
    expect(anonymous.status).toBe(401)
    expect(
      (await new DashboardRestClient(server.url).request('POST', '/api/v1/dashboard/logout-everywhere')).status,
    ).toBe(401)
  })

  it('a password change ends the other sessions, keeps this one, and swaps the password', async () => {
    const user = await server.createUser({})
    const client = await signedIn(user)
    const stolen = copyOf(client)
    const elsewhere = await signedIn(user)
    const newPassword = 'a brand new passphrase'

    const wrong = await client.request('POST', '/api/v1/dashboard/users/me/password', {
      currentPassword: 'not my password',
      newPassword,
    })
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toEqual({ error: 'Current password is incorrect.' })
    const short = await client.request('POST', '/api/v1/dashboard/users/me/password', {
      currentPassword: user.password,
      newPassword: 'too short',
    })
    expect(short.status).toBe(400)
    expect(await short.json()).toEqual({ error: expect.stringMatching(/at least 12/) })
    const missing = await client.request('POST', '/api/v1/dashboard/users/me/password', {})
    expect(missing.status).toBe(400)
    expect(await missing.json()).toEqual({ error: expect.any(String) })
    // None of the refused attempts changed anything.
    expect(await meStatus(stolen)).toBe(200)

    const ok = await client.request('POST', '/api/v1/dashboard/users/me/password', {
      currentPassword: user.password,
      newPassword,
    })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ ok: true })
    await expectLoggedOut(stolen)
    await expectLoggedOut(elsewhere)
    expect(await meStatus(client)).toBe(200)
    expect((await new DashboardRestClient(server.url).login(user.email, user.password)).status).toBe(401)
    expect((await new DashboardRestClient(server.url).login(user.email, newPassword)).status).toBe(200)
  })

  it('changes the password over tRPC as well', async () => {
    const user = await server.createUser({})
    const client = await signedIn(user)
    const stolen = copyOf(client)
    const newPassword = 'another new passphrase'
    const res = await trpcMutation(client, 'auth.changePassword', { currentPassword: user.password, newPassword })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ result: { data: { ok: true } } })
    expect((await trpcQuery(stolen, 'auth.me')).status).toBe(401)
    expect((await trpcQuery(client, 'auth.me')).status).toBe(200)
  })
})

describeEachDatabase('SESSION_SECRET rotation', (target) => {
  it('keeps cookies sealed under the old secret working, and seals new ones with the new secret', async () => {
    const original = await startTestServer(target, { session: { secret: parseSessionSecret(OLD_SECRET) } })
    try {
      const user = await original.createUser({})
      const before = new DashboardRestClient(original.url)
      expect((await before.login(user.email, user.password)).status).toBe(200)
      expect(sealPasswordId(before.cookie)).toBe('1')
      await original.close()

      const rotated = await restartOnSameDatabase(original, {
        session: { secret: parseSessionSecret(`2:${NEW_SECRET},1:${OLD_SECRET}`) },
      })
      let fresh: DashboardRestClient
      try {
        const carriedOver = new DashboardRestClient(rotated.url)
        carriedOver.cookie = before.cookie
        expect(await meStatus(carriedOver)).toBe(200)

        fresh = new DashboardRestClient(rotated.url)
        expect((await fresh.login(user.email, user.password)).status).toBe(200)
        expect(sealPasswordId(fresh.cookie)).toBe('2')
        expect(await meStatus(fresh)).toBe(200)
      } finally {
        await rotated.close()
      }

      // Proof of the seal: an instance that only knows the old secret cannot open the new cookie.
      const oldOnly = await restartOnSameDatabase(original, { session: { secret: parseSessionSecret(OLD_SECRET) } })
      try {
        const replay = new DashboardRestClient(oldOnly.url)
        replay.cookie = fresh.cookie
        expect(await meStatus(replay)).toBe(401)
      } finally {
        await oldOnly.close()
      }
    } finally {
      await original.dispose()
    }
  })
})
