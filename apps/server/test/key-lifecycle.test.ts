import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTRPCClient, httpBatchLink } from '@trpc/client'
import type { AppRouter } from '@storra/api'
import { eq } from 'drizzle-orm'
import { apiKeys } from '@storra/db'
import { describeEachDatabase } from '@storra/db/testing/suites'
import {
  DashboardRestClient,
  loggedInClient,
  readJson,
  startTestServer,
  type TestServer,
  CREATED_KEY_FIELDS,
} from '../src/testing.ts'

// Issue 11 over real HTTP: expiry, rotation (and its grace period closing itself), IP
// allowlists, edits and history, and bad input, on one server per database.

const KEYS = '/api/v1/dashboard/users/me/api-keys'
const QUIET_SECONDS = 2
// A listed key: the created key's fields without the secret.
const LISTED_KEY_FIELDS = CREATED_KEY_FIELDS.filter((field) => field !== 'key')
const USER_NOT_FOUND = { detail: 'User not found.' }
const IP_DENIED = { detail: 'This API key cannot be used from your IP address.' }
const DAY = 86_400_000

type Key = { id: string; prefix: string; key: string; label: string; [field: string]: unknown }

/** Calls the client API as `ip` (the server trusts the loopback proxy, so X-Forwarded-For decides). */
async function callAs(server: TestServer, key: string, ip = '127.0.0.1') {
  const res = await fetch(`${server.url}/api/v1/client/users/me`, {
    headers: { 'x-api-key': key, 'x-forwarded-for': ip },
  })
  const body: unknown = await res.json()
  return { status: res.status, body }
}

/** Polls `probe` until `done` holds for its value, for at most `ms`; returns the last value. */
async function pollUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (done(value) || Date.now() >= deadline) return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describeEachDatabase('key lifecycle over HTTP', (target) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(target, {
      http: { trustProxy: 'loopback' },
      keys: { maxLifetimeDays: null, rotationQuietSeconds: QUIET_SECONDS, rotationSweepIntervalMs: 100 },
    })
  })
  afterAll(async () => {
    await server?.dispose()
  })

  async function create(client: DashboardRestClient, body: Record<string, unknown>): Promise<Key> {
    const res = await client.request('POST', KEYS, body)
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as Key
  }
  async function list(client: DashboardRestClient, query = ''): Promise<Key[]> {
    const res = await client.request('GET', KEYS + query)
    expect(res.status).toBe(200)
    return (await res.json()) as Key[]
  }
  const find = async (client: DashboardRestClient, prefix: string) =>
    (await list(client, '?state=all')).find((k) => k.prefix === prefix)
  /** Expects a 400 `{"error"}` naming `field`, and that the account's keys are exactly as before. */
  async function expectRefused(client: DashboardRestClient, send: () => Promise<Response>, field: string) {
    const before = await list(client, '?state=all')
    const res = await send()
    const body = await readJson(res)
    expect([res.status, Object.keys(body)], JSON.stringify(body)).toEqual([400, ['error']])
    expect(body.error).toContain(field)
    expect(await list(client, '?state=all')).toEqual(before)
  }

  it('creates with expires_at and ip_allowlist, normalised, after the contract fields', async () => {
    const { client } = await loggedInClient(server)
    const expires = new Date(Date.now() + 30 * DAY).toISOString()
    const key = await create(client, {
      label: 'ci',
      expires_at: expires,
      ip_allowlist: [' 203.0.113.9/24', '2001:DB8::1', '::ffff:198.51.100.7', '203.0.113.0/24'],
    })
    expect(Object.keys(key)).toEqual(CREATED_KEY_FIELDS)
    expect(key).toMatchObject({
      expires_at: expires,
      ip_allowlist: ['203.0.113.0/24', '2001:db8::1', '198.51.100.7'],
      state: 'active',
      replaced_by: null,
      revoked_at: null,
      revoked_reason: null,
    })
    // Omitted and null: never expires (no maximum configured); an empty list: any address.
    expect(await create(client, { label: 'plain' })).toMatchObject({ expires_at: null, ip_allowlist: [] })
    expect(await create(client, { expires_at: null, ip_allowlist: [] })).toMatchObject({ expires_at: null })
  })

  it('refuses bad create input with 400 naming the field, and writes nothing', async () => {
    const { client } = await loggedInClient(server)
    const cases: [Record<string, unknown>, string][] = [
      [{ expires_at: '2001-01-01T00:00:00Z' }, 'expires_at'],
      [{ expires_at: 'next tuesday' }, 'expires_at'],
      [{ expires_at: '2099-02-30T00:00:00Z' }, 'expires_at'],
      [{ expires_at: '2099-01-01T00:00:00+02:00' }, 'expires_at'],
      [{ expires_at: 4102444800000 }, 'expires_at'],
      [{ ip_allowlist: ['10.0.0.0/33'] }, 'ip_allowlist'],
      [{ ip_allowlist: ['localhost'] }, 'ip_allowlist'],
      [{ ip_allowlist: '10.0.0.1' }, 'ip_allowlist'],
      [{ ip_allowlist: [7] }, 'ip_allowlist'],
      [{ ip_allowlist: Array.from({ length: 51 }, (_, i) => `10.0.0.${i}`) }, 'ip_allowlist'],
      [{ label: 'ok', owner: 'someone else' }, 'owner'],
    ]
    for (const [body, field] of cases) await expectRefused(client, () => client.request('POST', KEYS, body), field)
  })

  it('lists usable keys by default, and with ?state=all expired and revoked ones with their state and reason', async () => {
    const { client } = await loggedInClient(server)
    const kept = await create(client, { label: 'kept' })
    const revoked = await create(client, { label: 'revoked' })
    const expiring = await create(client, { label: 'expiring', expires_at: new Date(Date.now() + 1_000).toISOString() })
    expect((await client.request('DELETE', `${KEYS}/${revoked.prefix}`)).status).toBe(200)
    await pollUntil(
      async () => (await callAs(server, expiring.key)).status,
      (status) => status === 401,
    )
    expect((await list(client)).map((k) => k.prefix)).toEqual([kept.prefix])
    const all = await list(client, '?state=all')
    expect(all.map((k) => [k.prefix, k.state, k.revoked_reason])).toEqual([
      [expiring.prefix, 'expired', null],
      [revoked.prefix, 'revoked', 'user'],
      [kept.prefix, 'active', null],
    ])
    for (const item of all) expect(Object.keys(item)).toEqual(LISTED_KEY_FIELDS)
    expect(all.find((k) => k.prefix === revoked.prefix)!.revoked_at).toEqual(expect.any(String))
    const bad = await client.request('GET', `${KEYS}?state=revoked`)
    expect(bad.status).toBe(400)
    expect((await readJson(bad)).error).toContain('state')
  })

  it('refuses an expired key like a revoked one (401 User not found.), and it cannot be edited or rotated', async () => {
    const { client } = await loggedInClient(server)
    const key = await create(client, { expires_at: new Date(Date.now() + 1_500).toISOString() })
    expect((await callAs(server, key.key)).status).toBe(200)
    const refused = await pollUntil(
      () => callAs(server, key.key),
      (answer) => answer.status !== 200,
    )
    expect(refused).toEqual({ status: 401, body: USER_NOT_FOUND })
    expect((await find(client, key.prefix))!.state).toBe('expired')
    for (const res of [
      await client.request('PATCH', `${KEYS}/${key.prefix}`, { label: 'again' }),
      await client.request('POST', `${KEYS}/${key.prefix}/rotate`, {}),
    ]) {
      expect(res.status).toBe(404)
      expect(await readJson(res)).toEqual({ error: 'API key not found.' })
    }
  })

  it('enforces the IP allowlist: 403 from outside, 200 from inside, IPv4-mapped IPv6 included', async () => {
    const { client } = await loggedInClient(server)
    const key = await create(client, { ip_allowlist: ['203.0.113.0/24', '2001:db8::/32'] })
    expect(await callAs(server, key.key, '198.51.100.1')).toEqual({ status: 403, body: IP_DENIED })
    expect(await callAs(server, key.key, '2001:db9::1')).toEqual({ status: 403, body: IP_DENIED })
    expect((await callAs(server, key.key, '203.0.113.77')).status).toBe(200)
    expect((await callAs(server, key.key, '::ffff:203.0.113.78')).status).toBe(200)
    expect((await callAs(server, key.key, '2001:db8::5')).status).toBe(200)
    // A key without a list works from anywhere.
    const open = await create(client, {})
    expect((await callAs(server, open.key, '198.51.100.1')).status).toBe(200)
  })

  it('edits label, expiry and allowlist with PATCH; the change applies to the next request', async () => {
    const { client } = await loggedInClient(server)
    const key = await create(client, { label: 'before' })
    expect((await callAs(server, key.key, '198.51.100.1')).status).toBe(200)
    const expires = new Date(Date.now() + 7 * DAY).toISOString()
    const res = await client.request('PATCH', `${KEYS}/${key.prefix}`, {
      label: '  after ',
      expires_at: expires,
      ip_allowlist: ['203.0.113.5'],
    })
    expect(res.status).toBe(200)
    const updated = await readJson(res)
    expect(Object.keys(updated)).toEqual(LISTED_KEY_FIELDS)
    expect(updated).toMatchObject({ label: 'after', expires_at: expires, ip_allowlist: ['203.0.113.5'] })
    expect(JSON.stringify(updated)).not.toContain(key.key)
    expect(await callAs(server, key.key, '198.51.100.1')).toEqual({ status: 403, body: IP_DENIED })
    expect((await callAs(server, key.key, '203.0.113.5')).status).toBe(200)

    // Clearing the list and the expiry: any address, never.
    const cleared = await readJson(
      await client.request('PATCH', `${KEYS}/${key.prefix}`, { ip_allowlist: [], expires_at: null }),
    )
    expect(cleared).toMatchObject({ label: 'after', expires_at: null, ip_allowlist: [] })
    expect((await callAs(server, key.key, '198.51.100.1')).status).toBe(200)
  })

  it('refuses bad edits with 400 naming the field and changes nothing; other accounts’ and revoked keys are 404', async () => {
    const { client } = await loggedInClient(server)
    const key = await create(client, { label: 'unchanged' })
    const path = `${KEYS}/${key.prefix}`
    const cases: [unknown, string][] = [
      [{ label: 'changed', ip_allowlist: ['10.0.0.0/33'] }, 'ip_allowlist'],
      [{ label: 'changed', expires_at: '1999-12-31T23:59:59Z' }, 'expires_at'],
      [{ label: 'changed', prefix_of: 'x' }, 'prefix_of'],
      [{ label: 'x'.repeat(101) }, 'label'],
    ]
    for (const [body, field] of cases) await expectRefused(client, () => client.request('PATCH', path, body), field)
    const array = await client.request('PATCH', path, [])
    expect(array.status).toBe(400)

    const { client: other } = await loggedInClient(server)
    const foreign = await other.request('PATCH', path, { label: 'mine now' })
    expect([foreign.status, await readJson(foreign)]).toEqual([404, { error: 'API key not found.' }])
    expect((await other.request('POST', `${path}/rotate`, {})).status).toBe(404)
    expect((await client.request('PATCH', `${KEYS}/sk_00000000`, { label: 'x' })).status).toBe(404)
    expect((await client.request('DELETE', path)).status).toBe(200)
    expect((await client.request('PATCH', path, { label: 'x' })).status).toBe(404)
  })

  it('rotates: the new key in the create shape carries label, allowlist and expiry policy; the old key keeps working', async () => {
    const { client } = await loggedInClient(server)
    const old = await create(client, {
      label: 'prod',
      ip_allowlist: ['127.0.0.1'],
      expires_at: new Date(Date.now() + 30 * DAY).toISOString(),
    })
    const before = Date.now()
    const res = await client.request('POST', `${KEYS}/${old.prefix}/rotate`, { grace_period_seconds: 3600 })
    expect(res.status).toBe(200)
    const fresh = (await res.json()) as Key
    expect(Object.keys(fresh)).toEqual(CREATED_KEY_FIELDS)
    expect(fresh).toMatchObject({ label: 'prod', ip_allowlist: ['127.0.0.1'], state: 'active', last_used: null })
    expect(fresh.key).toMatch(/^sk_[0-9A-Za-z]{38}$/)
    const lifetime = Date.parse(fresh.expires_at as string) - Date.parse(fresh.created_at as string)
    expect(Math.abs(lifetime - 30 * DAY)).toBeLessThan(60_000)

    const rotating = (await find(client, old.prefix))!
    expect(rotating).toMatchObject({ state: 'rotating', replaced_by: fresh.prefix, revoked_at: null })
    const graceEnd = Date.parse(rotating.expires_at as string)
    expect(graceEnd).toBeGreaterThanOrEqual(before + 3_600_000)
    expect(graceEnd).toBeLessThanOrEqual(Date.now() + 3_600_000)
    // Still listed by default: it works until its grace period ends.
    expect((await list(client)).map((k) => k.prefix)).toEqual([fresh.prefix, old.prefix])
    expect((await callAs(server, old.key)).status).toBe(200)
    expect((await callAs(server, fresh.key)).status).toBe(200)

    const again = await client.request('POST', `${KEYS}/${old.prefix}/rotate`, {})
    expect([again.status, Object.keys(await readJson(again))]).toEqual([409, ['error']])
  })

  it('rotation with grace 0 revokes the old key at once (reason rotation); bad grace periods are 400 and write nothing', async () => {
    const { client } = await loggedInClient(server)
    const old = await create(client, { label: 'now' })
    const path = `${KEYS}/${old.prefix}/rotate`
    for (const grace of [-1, 604_801, 1.5, '60', null])
      await expectRefused(
        client,
        () => client.request('POST', path, { grace_period_seconds: grace }),
        'grace_period_seconds',
      )
    await expectRefused(client, () => client.request('POST', path, { grace: 5 }), 'grace')

    const res = await client.request('POST', path, { grace_period_seconds: 0 })
    expect(res.status).toBe(200)
    const replacement = (await res.json()) as Key
    expect(await callAs(server, old.key)).toEqual({ status: 401, body: USER_NOT_FOUND })
    expect((await callAs(server, replacement.key)).status).toBe(200)
    expect(await find(client, old.prefix)).toMatchObject({
      state: 'revoked',
      revoked_reason: 'rotation',
      replaced_by: replacement.prefix,
    })
    expect((await client.request('POST', path, {})).status).toBe(404)
    // A body-less rotate takes the default grace period (one day).
    const next = await client.request('POST', `${KEYS}/${replacement.prefix}/rotate`)
    expect(next.status).toBe(200)
    const graceEnd = Date.parse((await find(client, replacement.prefix))!.expires_at as string)
    expect(Math.abs(graceEnd - (Date.now() + DAY))).toBeLessThan(60_000)
  })

  it('closes the grace period by itself once the new key is used and the old one falls silent', async () => {
    const { client } = await loggedInClient(server)
    const old = await create(client, { label: 'self-closing' })
    expect((await callAs(server, old.key)).status).toBe(200)
    const fresh = (await readJson(await client.request('POST', `${KEYS}/${old.prefix}/rotate`, {}))) as Key
    expect((await callAs(server, old.key)).status).toBe(200)
    expect((await callAs(server, fresh.key)).status).toBe(200)

    const ended = await pollUntil(
      () => find(client, old.prefix),
      (key) => key?.state === 'revoked',
    )
    expect(ended).toMatchObject({ state: 'revoked', revoked_reason: 'rotation_quiet', replaced_by: fresh.prefix })
    expect(await callAs(server, old.key)).toEqual({ status: 401, body: USER_NOT_FOUND })
    expect((await callAs(server, fresh.key)).status).toBe(200)
    // Silence was measured from the old key's last use, which reached the database.
    const lastUse = Date.parse(ended!.last_used as string)
    expect(Date.parse(ended!.revoked_at as string) - lastUse).toBeGreaterThanOrEqual(QUIET_SECONDS * 1000)
  })

  it('a new key used only from a refused IP is not "used": the old key survives sweeps until an accepted use', async () => {
    const { client } = await loggedInClient(server)
    const old = await create(client, { label: 'guarded', ip_allowlist: ['203.0.113.0/24'] })
    const fresh = (await readJson(await client.request('POST', `${KEYS}/${old.prefix}/rotate`, {}))) as Key
    expect(await callAs(server, fresh.key, '198.51.100.1')).toEqual({ status: 403, body: IP_DENIED })
    expect((await find(client, fresh.prefix))!).toMatchObject({ last_used: null, last_used_ip: null })
    // A control rotation made after it, whose new key is accepted: once the sweep has closed it,
    // sweeps past the guarded key's quiet period have run too.
    const control = await create(client, { label: 'control' })
    const controlFresh = (await readJson(await client.request('POST', `${KEYS}/${control.prefix}/rotate`, {}))) as Key
    expect((await callAs(server, controlFresh.key)).status).toBe(200)
    const closed = await pollUntil(
      () => find(client, control.prefix),
      (key) => key?.state === 'revoked',
    )
    expect(closed).toMatchObject({ state: 'revoked', revoked_reason: 'rotation_quiet' })
    expect((await find(client, old.prefix))!).toMatchObject({ state: 'rotating', last_used: null })
    expect((await find(client, fresh.prefix))!).toMatchObject({ last_used: null, last_used_ip: null })

    expect((await callAs(server, fresh.key, '203.0.113.5')).status).toBe(200)
    const ended = await pollUntil(
      () => find(client, old.prefix),
      (key) => key?.state === 'revoked',
    )
    expect(ended).toMatchObject({ state: 'revoked', revoked_reason: 'rotation_quiet' })
    const used = await pollUntil(
      () => find(client, fresh.prefix),
      (key) => key?.last_used_ip !== null,
    )
    expect(used).toMatchObject({ last_used_ip: '203.0.113.5' })
  })

  it('refuses expires_at edits on a rotating key with 409 naming the field; other fields stay editable', async () => {
    const { client } = await loggedInClient(server)
    const old = await create(client, { label: 'rotating', expires_at: new Date(Date.now() + 30 * DAY).toISOString() })
    expect((await client.request('POST', `${KEYS}/${old.prefix}/rotate`, { grace_period_seconds: 3600 })).status).toBe(
      200,
    )
    const path = `${KEYS}/${old.prefix}`
    const before = await list(client, '?state=all')
    for (const expires_at of [null, new Date(Date.now() + 2 * DAY).toISOString()]) {
      const res = await client.request('PATCH', path, { label: 'moved', expires_at })
      const body = await readJson(res)
      expect([res.status, Object.keys(body)], JSON.stringify(body)).toEqual([409, ['error']])
      expect(body.error).toContain('expires_at')
    }
    expect(await list(client, '?state=all')).toEqual(before)
    const renamed = await client.request('PATCH', path, { label: 'renamed' })
    expect(renamed.status).toBe(200)
    expect(await readJson(renamed)).toMatchObject({
      label: 'renamed',
      state: 'rotating',
      expires_at: before.find((k) => k.prefix === old.prefix)!.expires_at,
    })
  })

  it('measures the maximum lifetime on PATCH from the key’s created_at, so edits cannot extend it', async () => {
    const limited = await startTestServer(target, { keys: { maxLifetimeDays: 30 } })
    try {
      const { client } = await loggedInClient(limited)
      const key = await create(client, { label: 'aging' })
      // The key was created 20 days ago: it may live until created_at + 30 days, not now + 30 days.
      const createdAt = Date.now() - 20 * DAY
      await limited.services.database.db
        .update(apiKeys)
        .set({ createdAt: new Date(createdAt) })
        .where(eq(apiKeys.id, key.id))
      const path = `${KEYS}/${key.prefix}`
      const beyond = await client.request('PATCH', path, { expires_at: new Date(createdAt + 31 * DAY).toISOString() })
      const body = await readJson(beyond)
      expect([beyond.status, body]).toEqual([
        400,
        { error: 'expires_at must be at most 30 days after the key was created' },
      ])
      const within = new Date(createdAt + 29 * DAY).toISOString()
      const ok = await client.request('PATCH', path, { expires_at: within })
      expect(ok.status).toBe(200)
      expect(await readJson(ok)).toMatchObject({ expires_at: within })
      // Again, a day further than the last edit: still measured from creation, so refused.
      const again = await client.request('PATCH', path, { expires_at: new Date(createdAt + 30.5 * DAY).toISOString() })
      expect(again.status).toBe(400)
    } finally {
      await limited.dispose()
    }
  })

  it('tRPC: apiKeys.policy, and list/create/update/rotate with the same rules', async () => {
    const { client } = await loggedInClient(server)
    const trpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${server.url}/api/v1/dashboard/trpc`, fetch: client.fetch })],
    })
    expect(await trpc.apiKeys.policy.query()).toEqual({
      max_key_lifetime_days: null,
      rotation_quiet_seconds: QUIET_SECONDS,
      default_grace_period_seconds: 86_400,
      max_grace_period_seconds: 604_800,
      max_ip_allowlist_entries: 50,
      expiry_presets_days: [7, 30, 60, 90],
    })
    const created = await trpc.apiKeys.create.mutate({ label: 'trpc', ip_allowlist: ['10.1.2.3/8'] })
    expect(created.ip_allowlist).toEqual(['10.0.0.0/8'])
    const updated = await trpc.apiKeys.update.mutate({ prefix: created.prefix, label: 'renamed' })
    expect(updated).toMatchObject({ label: 'renamed', ip_allowlist: ['10.0.0.0/8'] })
    const rotated = await trpc.apiKeys.rotate.mutate({ prefix: created.prefix, grace_period_seconds: 0 })
    expect(rotated.label).toBe('renamed')
    expect((await trpc.apiKeys.list.query()).map((k) => k.prefix)).toEqual([rotated.prefix])
    expect((await trpc.apiKeys.list.query({ state: 'all' })).map((k) => k.state)).toEqual(['active', 'revoked'])
    await expect(trpc.apiKeys.rotate.mutate({ prefix: created.prefix })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    })
  })
})
