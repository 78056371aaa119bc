import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_MESSAGES } from '@storra/core'
import {
  DashboardRestClient,
  loggedInClient,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../../src/testing.ts'
import { rawRequest } from '../hardening/raw-http.ts'
import { isTrpcErrorEnvelope } from '../hardening/trpc-over-http.ts'

// Issue 10.3: `storra_session=a*b*c*d*e*f*g*h` made iron-session throw (500). Whatever a
// cookie holds, a request without a valid session is simply not logged in.
const COOKIE = 'storra_session'

// Printable header bytes (Node refuses control characters in header values).
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength })
const cookieValues = fc.oneof(
  headerText(200),
  // iron-session seals: `Fe26.2*<id>*<salt>*<iv>*<data>*<exp>*<salt>*<hmac>~2`.
  fc
    .array(
      headerText(40).filter((p) => !p.includes('*')),
      { minLength: 6, maxLength: 10 },
    )
    .map((parts) => parts.join('*')),
  fc
    .array(
      headerText(40).filter((p) => !p.includes('*')),
      { minLength: 8, maxLength: 8 },
    )
    .map((parts) => `Fe26.2*${parts.slice(1).join('*')}~2`),
  fc.constantFrom(
    'a*b*c*d*e*f*g*h',
    'Fe26.2*1*a*b*c*d*e*f',
    'Fe26.2**********',
    '~',
    '~2',
    '*~3',
    '%',
    '%E0%A4%A',
    'x'.repeat(4000),
  ),
)

describe.each(testDatabaseTargets())('malformed session cookies ($name)', (target) => {
  let server: TestServer
  let valid = ''
  beforeAll(async () => {
    server = await startTestServer(target)
    valid = (await loggedInClient(server)).client.cookie.slice(COOKIE.length + 1)
  })
  afterAll(() => server?.dispose())

  async function expectLoggedOut(cookieHeader: string): Promise<void> {
    const rest = await rawRequest(`${server.url}/api/v1/dashboard/users/me`, {
      method: 'GET',
      headers: { cookie: cookieHeader },
    })
    expect(rest.status, `${cookieHeader.slice(0, 80)} -> ${rest.body}`).toBe(401)
    expect(JSON.parse(rest.body)).toEqual({ error: DASHBOARD_MESSAGES.notAuthenticated })
    const trpc = await rawRequest(`${server.url}/api/v1/dashboard/trpc/auth.me`, {
      method: 'GET',
      headers: { cookie: cookieHeader },
    })
    expect(trpc.status, `${cookieHeader.slice(0, 80)} -> ${trpc.body}`).toBe(401)
    expect(isTrpcErrorEnvelope(JSON.parse(trpc.body))).toBe(true)
  }

  it('treats the reported eight-part value as no session', async () => {
    await expectLoggedOut(`${COOKIE}=a*b*c*d*e*f*g*h`)
  })

  it('treats any cookie value as no session unless it is a live seal', async () => {
    await fc.assert(
      fc.asyncProperty(cookieValues, async (value) => {
        await expectLoggedOut(`${COOKIE}=${value}`)
      }),
      { numRuns: 150, seed: 10_3 },
    )
  })

  it('treats a tampered, duplicated-garbage or oversized cookie as no session', async () => {
    const flipped = valid.slice(0, 40) + (valid[40] === 'A' ? 'B' : 'A') + valid.slice(41)
    await expectLoggedOut(`${COOKIE}=${flipped}`)
    await expectLoggedOut(`${COOKIE}=a*b*c*d*e*f*g*h; ${COOKIE}=${valid}`) // the first one counts
    await expectLoggedOut(`${COOKIE}=${'Fe26.2*1*' + 'A'.repeat(7000)}`)
    // Bytes that are not UTF-8 at all, sent raw.
    const latin1 = Buffer.from(`${COOKIE}=\xff\xfe*\xe9*c*d*e*f*g*h`, 'latin1').toString('latin1')
    await expectLoggedOut(latin1)
  })

  it('still logs in and out through a fresh cookie after a bad one', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const client = new DashboardRestClient(server.url)
    client.cookie = `${COOKIE}=a*b*c*d*e*f*g*h`
    expect((await client.login(user.email, user.password)).status).toBe(200)
    expect(client.cookie.startsWith(`${COOKIE}=Fe26.2*`)).toBe(true)
    expect((await client.request('GET', '/api/v1/dashboard/users/me')).status).toBe(200)
    client.cookie = `${COOKIE}=a*b*c*d*e*f*g*h`
    const out = await client.request('POST', '/api/v1/dashboard/logout')
    expect(out.status).toBe(200)
    expect(out.headers.getSetCookie().some((c) => c.startsWith(`${COOKIE}=;`))).toBe(true)
    // A live cookie still works: nothing above disturbed the real session handling.
    expect(
      (
        await rawRequest(`${server.url}/api/v1/dashboard/users/me`, {
          method: 'GET',
          headers: { cookie: `${COOKIE}=${valid}` },
        })
      ).status,
    ).toBe(200)
  })
})
