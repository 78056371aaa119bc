import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApiKey, updateApiKey } from '@storra/api'
import { INVALID_API_KEY_BODY, IP_NOT_ALLOWED_BODY } from '@storra/core'
import { describeEachDatabase } from '@storra/db/testing/suites'
import { startTestServer, type TestServer } from '../src/testing.ts'

// The lifecycle decision (expiry, IP allowlist) as the client API's fast path applies it:
// the same answers as the contract's other refusals, in the client family's shape.
describeEachDatabase('client API key policy on the fast path', (target) => {
  let server: TestServer
  beforeAll(async () => {
    // The proxy's X-Forwarded-For names the client, so one test can stand at several addresses.
    server = await startTestServer(target, { http: { trustProxy: 'loopback' } })
  })
  afterAll(async () => {
    await server?.dispose()
  })

  const call = (key: string, ip: string) =>
    fetch(`${server.url}/api/v1/client/users/me`, { headers: { 'x-api-key': key, 'x-forwarded-for': ip } })

  it('serves a key only from its allowlisted addresses (403 elsewhere), and refuses an expired key with 401', async () => {
    const user = await server.createUser({ plan: 'pro' })
    const created = await createApiKey(server.services, user.id, { label: 'allowlisted' })
    await updateApiKey(server.services, user.id, created.prefix, { ip_allowlist: ['203.0.113.0/24'] })

    const inside = await call(created.key, '203.0.113.7')
    expect(inside.status).toBe(200)
    expect(await inside.json()).toMatchObject({ id: user.id, email: user.email })
    const outside = await call(created.key, '198.51.100.7')
    expect(outside.status).toBe(403)
    expect(outside.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    expect(await outside.json()).toEqual(IP_NOT_ALLOWED_BODY)

    const expiring = await createApiKey(server.services, user.id, {
      label: 'expiring',
      expires_at: new Date(Date.now() + 1_500).toISOString(),
    })
    expect((await call(expiring.key, '192.0.2.1')).status).toBe(200)
    // Bounded wait for the expiry instant (no timing assertion: the answer is polled).
    const deadline = Date.now() + 10_000
    let res = await call(expiring.key, '192.0.2.1')
    while (res.status === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      res = await call(expiring.key, '192.0.2.1')
    }
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(INVALID_API_KEY_BODY)
  })
})
