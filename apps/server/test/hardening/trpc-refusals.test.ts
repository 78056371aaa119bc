import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DASHBOARD_MESSAGES, HTTP_MESSAGES } from '@storra/core'
import { DashboardRestClient, startTestServer, testDatabaseTargets, type TestServer } from '../../src/testing.ts'
import { rawRequest } from './raw-http.ts'
import { isTrpcErrorEnvelope, trpcMutation, type TrpcErrorEnvelope } from './trpc-over-http.ts'

// Issue 10 item 8: every refusal on a tRPC path is in tRPC's error envelope (the tRPC client
// reads `error.data.code`), whichever layer refuses: the CSRF guard, the body parser, the
// session check, the login throttle. REST paths keep `{"error"}` for the same refusals.
const TRPC = '/api/v1/dashboard/trpc'
const LIMITS = { failuresPerEmail: 2, failuresPerIp: 100, windowSeconds: 60 }

function envelopeOf(res: { status: number; body: string }, status: number, code: string): TrpcErrorEnvelope {
  expect(res.status).toBe(status)
  const body: unknown = JSON.parse(res.body)
  expect(isTrpcErrorEnvelope(body), res.body).toBe(true)
  const envelope = body as TrpcErrorEnvelope
  expect(envelope.error.data).toMatchObject({ code, httpStatus: status })
  return envelope
}

async function viaFetch(res: Response): Promise<{ status: number; body: string; headers: Headers }> {
  return { status: res.status, body: await res.text(), headers: res.headers }
}

describe.each(testDatabaseTargets())('refusals on tRPC paths ($name)', (target) => {
  let server: TestServer
  let client: DashboardRestClient
  let email: string
  beforeAll(async () => {
    server = await startTestServer(target, { limits: { login: LIMITS } })
    const user = await server.createUser({ plan: 'pro' })
    email = user.email
    client = new DashboardRestClient(server.url)
    expect((await client.login(user.email, user.password)).status).toBe(200)
  })
  afterAll(async () => {
    await server?.dispose()
  })

  it('403 for a foreign Origin', async () => {
    const res = await viaFetch(
      await trpcMutation(client, 'apiKeys.create', { label: 'x' }, { origin: 'https://evil.example' }),
    )
    expect(envelopeOf(res, 403, 'FORBIDDEN').error.message).toBe(DASHBOARD_MESSAGES.crossSite)
  })

  it('415 for a body that is not JSON, on single calls and batches', async () => {
    for (const path of [`${TRPC}/apiKeys.create`, `${TRPC}/apiKeys.create,auth.logout?batch=1`]) {
      const res = await rawRequest(server.url + path, {
        method: 'POST',
        headers: { cookie: client.cookie, 'content-type': 'text/plain' },
        body: 'label=x',
      })
      expect(envelopeOf(res, 415, 'UNSUPPORTED_MEDIA_TYPE').error.message).toBe(DASHBOARD_MESSAGES.jsonOnly)
    }
  })

  it('413 for a body over the limit', async () => {
    const res = await rawRequest(server.url + `${TRPC}/apiKeys.create`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ label: 'x'.repeat(100_000) }),
    })
    expect(envelopeOf(res, 413, 'PAYLOAD_TOO_LARGE').error.message).toBe(HTTP_MESSAGES.bodyTooLarge)
  })

  it('400 for a body that is not valid JSON', async () => {
    const res = await rawRequest(server.url + `${TRPC}/apiKeys.create`, {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      body: '{"label":',
    })
    expect(envelopeOf(res, 400, 'BAD_REQUEST').error.message).toBe(HTTP_MESSAGES.bodyNotJson)
  })

  it('401 without a session, also when a bearer token is tried', async () => {
    const res = await rawRequest(server.url + `${TRPC}/apiKeys.list`, {
      method: 'GET',
      headers: { authorization: 'Bearer sk_x' },
    })
    expect(envelopeOf(res, 401, 'UNAUTHORIZED').error.message).toBe(DASHBOARD_MESSAGES.notAuthenticated)
  })

  it('429 with Retry-After once logins are throttled', async () => {
    const anonymous = new DashboardRestClient(server.url)
    for (let i = 0; i < LIMITS.failuresPerEmail; i++) {
      envelopeOf(
        await viaFetch(await trpcMutation(anonymous, 'auth.login', { email, password: 'wrong password!' })),
        401,
        'UNAUTHORIZED',
      )
    }
    const throttled = await viaFetch(
      await trpcMutation(anonymous, 'auth.login', { email, password: 'wrong password!' }),
    )
    expect(envelopeOf(throttled, 429, 'TOO_MANY_REQUESTS').error.message).toBe(DASHBOARD_MESSAGES.tooManyLogins)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  it('keeps {"error"} for the same refusals on REST paths', async () => {
    const res = await client.request(
      'POST',
      '/api/v1/dashboard/users/me/api-keys',
      { label: 'x' },
      { origin: 'https://evil.example' },
    )
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ error: DASHBOARD_MESSAGES.crossSite })
    const notJson = await rawRequest(server.url + '/api/v1/dashboard/users/me/api-keys', {
      method: 'POST',
      headers: { cookie: client.cookie, 'content-type': 'application/json' },
      body: '{"label":',
    })
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toEqual({ error: HTTP_MESSAGES.bodyNotJson })
  })
})
