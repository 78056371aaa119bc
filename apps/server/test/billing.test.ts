import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUserPlan } from '@storra/api'
import { BILLING_WEBHOOK_MESSAGES, DASHBOARD_MESSAGES, PRO_REQUIRED_BODY } from '@storra/core'
import { describeEachDatabase } from '@storra/db/testing/suites'
import {
  callClientApi,
  loggedInClient,
  readJson,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../src/testing.ts'
import { StripeStandIn } from '../src/testing/stripe-stand-in.ts'

const CHECKOUT = '/api/v1/dashboard/billing/checkout'
const PORTAL = '/api/v1/dashboard/billing/portal'
const KEYS = '/api/v1/dashboard/users/me/api-keys'
const WEBHOOK = '/api/v1/billing/stripe/webhook'

describeEachDatabase('Stripe billing', (target) => {
  let stripe: StripeStandIn
  let server: TestServer
  let webhook: string

  beforeAll(async () => {
    stripe = await new StripeStandIn().start()
    server = await startTestServer(target, { stripe: stripe.settings() })
    webhook = server.url + WEBHOOK
  })
  afterAll(async () => {
    await server?.dispose()
    await stripe?.stop()
  })

  /** A free account with a key made while it was on Cloud Pro, logged in. */
  async function freeAccountWithKey() {
    const { client, user } = await loggedInClient(server, { plan: 'pro' })
    const created = await client.createKey('billing')
    await setUserPlan(server.services, { userId: user.id }, 'free')
    return { client, user, key: created.key, prefix: created.prefix }
  }

  async function checkout(client: Awaited<ReturnType<typeof loggedInClient>>['client']): Promise<string> {
    const res = await client.request('POST', CHECKOUT)
    expect(res.status).toBe(200)
    const body = await readJson(res)
    expect(Object.keys(body)).toEqual(['url'])
    return body.url as string
  }

  it('upgrades a free account: checkout, the signed completion event, and the key works without a restart', async () => {
    const { client, user, key } = await freeAccountWithKey()
    expect((await callClientApi(server.url, key)).status).toBe(403)

    const url = await checkout(client)
    const session = stripe.sessionOfUrl(url)
    expect(session).toMatchObject({ client_reference_id: user.id, mode: 'subscription' })
    const created = stripe.requests.filter((r) => r.path === '/v1/customers' && r.form.email === user.email)
    expect(created).toHaveLength(1)
    expect(created[0]!.form['metadata[account_id]']).toBe(user.id)
    expect(session.customer).toBe(stripe.customers.get(session.customer as string)!.id)
    const sent = stripe.requests.find(
      (r) => r.path === '/v1/checkout/sessions' && r.form.client_reference_id === user.id,
    )
    expect(sent!.form).toMatchObject({
      'line_items[0][price]': 'price_cloud_pro_monthly',
      'line_items[0][quantity]': '1',
      success_url: `${server.url}/dashboard/settings?checkout=success`,
    })

    const res = await StripeStandIn.deliver(webhook, stripe.completeCheckout(url))
    expect(res.status).toBe(200)
    expect(await readJson(res)).toEqual({ received: true })
    expect((await callClientApi(server.url, key)).status).toBe(200)
    expect((await readJson(await client.request('GET', '/api/v1/dashboard/users/me'))).user.plan).toBe('pro')

    // Cloud Pro now: no second checkout, but the portal opens for the one customer.
    expect((await client.request('POST', CHECKOUT)).status).toBe(409)
    const portal = await client.request('POST', PORTAL)
    expect(portal.status).toBe(200)
    expect((await readJson(portal)).url).toMatch(/\/p\/session\/bps_/)
    const portalCall = stripe.requests.findLast((r) => r.path === '/v1/billing_portal/sessions')
    expect(portalCall!.form.customer).toBe(session.customer)
  })

  it('keeps one Stripe customer per account across checkouts', async () => {
    const { client, user } = await loggedInClient(server, { plan: 'free' })
    const first = stripe.sessionOfUrl(await checkout(client))
    const second = stripe.sessionOfUrl(await checkout(client))
    expect(second.customer).toBe(first.customer)
    expect(stripe.requests.filter((r) => r.path === '/v1/customers' && r.form.email === user.email)).toHaveLength(1)
  })

  it('answers 409 for the portal before any checkout, 401 without a session', async () => {
    const { client } = await loggedInClient(server, { plan: 'free' })
    const res = await client.request('POST', PORTAL)
    expect(res.status).toBe(409)
    expect(await readJson(res)).toEqual({ error: DASHBOARD_MESSAGES.noBillingAccount })
    expect((await fetch(server.url + CHECKOUT, { method: 'POST' })).status).toBe(401)
  })

  it('downgrades when the subscription ends: the key gets the 403, creation is refused, listing and revoking still work', async () => {
    const { client, key, prefix } = await freeAccountWithKey()
    const url = await checkout(client)
    expect((await StripeStandIn.deliver(webhook, stripe.completeCheckout(url))).status).toBe(200)
    expect((await callClientApi(server.url, key)).status).toBe(200)

    const customer = stripe.sessionOfUrl(url).customer as string
    const ended = stripe.subscriptionEvent('deleted', customer, 'canceled')
    expect((await StripeStandIn.deliver(webhook, ended)).status).toBe(200)

    const refused = await callClientApi(server.url, key)
    expect(refused.status).toBe(403)
    expect(await readJson(refused)).toEqual(PRO_REQUIRED_BODY)
    const create = await client.request('POST', KEYS, { label: 'after downgrade' })
    expect(create.status).toBe(403)
    expect(await readJson(create)).toEqual({ error: DASHBOARD_MESSAGES.proRequiredForKeys })
    const list = await client.request('GET', KEYS)
    expect(list.status).toBe(200)
    expect((await readJson(list)).map((k: { prefix: string }) => k.prefix)).toContain(prefix)
    const revoke = await client.request('DELETE', `${KEYS}/${prefix}`)
    expect(revoke.status).toBe(200)
    expect(await readJson(revoke)).toEqual({ revoked: true })
  })

  it('prefers the customer id over client_reference_id: an event naming two accounts changes only the customer’s, never 500', async () => {
    // Made first, so a scan meets it before the customer's account.
    const other = await freeAccountWithKey() // no Stripe customer yet
    const customerOwner = await freeAccountWithKey()
    const session = stripe.sessionOfUrl(await checkout(customerOwner.client))
    const paid = { ...session, status: 'complete', payment_status: 'paid', subscription: 'sub_two_accounts' }
    const crossed = stripe.event('checkout.session.completed', { ...paid, client_reference_id: other.user.id })
    const res = await StripeStandIn.deliver(webhook, crossed)
    expect([res.status, await readJson(res)]).toEqual([200, { received: true }])
    expect((await callClientApi(server.url, customerOwner.key)).status).toBe(200)
    expect((await callClientApi(server.url, other.key)).status).toBe(403)
    expect((await readJson(await other.client.request('GET', '/api/v1/dashboard/users/me'))).user.plan).toBe('free')

    // A customer no account has: client_reference_id names the account, unless it has another customer.
    const stranger = { ...paid, customer: 'cus_unseen', client_reference_id: customerOwner.user.id }
    const refused = await StripeStandIn.deliver(webhook, stripe.event('checkout.session.completed', stranger))
    expect([refused.status, await readJson(refused)]).toEqual([200, { received: true, ignored: 'unknown_customer' }])
    const first = { ...paid, customer: 'cus_first_checkout', client_reference_id: other.user.id }
    const adopted = await StripeStandIn.deliver(webhook, stripe.event('checkout.session.completed', first))
    expect([adopted.status, await readJson(adopted)]).toEqual([200, { received: true }])
    expect((await callClientApi(server.url, other.key)).status).toBe(200)
  })

  it('processes each event once: a duplicate delivery is acknowledged and changes nothing', async () => {
    const { client, key } = await freeAccountWithKey()
    const url = await checkout(client)
    const completed = stripe.completeCheckout(url)
    expect(await readJson(await StripeStandIn.deliver(webhook, completed))).toEqual({ received: true })
    const customer = stripe.sessionOfUrl(url).customer as string
    const ended = stripe.subscriptionEvent('deleted', customer, 'canceled', completed.created + 5)
    expect(await readJson(await StripeStandIn.deliver(webhook, ended))).toEqual({ received: true })
    expect((await callClientApi(server.url, key)).status).toBe(403)

    // Stripe retries the completion (the same event id, newly signed): still Free.
    const again = await StripeStandIn.deliver(webhook, completed)
    expect(again.status).toBe(200)
    expect(await readJson(again)).toEqual({ received: true, ignored: 'duplicate' })
    expect((await callClientApi(server.url, key)).status).toBe(403)
  })

  it('orders events by their created time: a late `updated` cannot undo a `deleted`', async () => {
    const { client, key } = await freeAccountWithKey()
    const url = await checkout(client)
    const completed = stripe.completeCheckout(url)
    await StripeStandIn.deliver(webhook, completed)
    const customer = stripe.sessionOfUrl(url).customer as string
    const t = completed.created
    await StripeStandIn.deliver(webhook, stripe.subscriptionEvent('deleted', customer, 'canceled', t + 20))
    const late = await StripeStandIn.deliver(webhook, stripe.subscriptionEvent('updated', customer, 'active', t + 10))
    expect(await readJson(late)).toEqual({ received: true, ignored: 'stale' })
    // Within the same second, the ending wins too.
    const tie = await StripeStandIn.deliver(webhook, stripe.subscriptionEvent('updated', customer, 'active', t + 20))
    expect(await readJson(tie)).toEqual({ received: true, ignored: 'stale' })
    expect((await callClientApi(server.url, key)).status).toBe(403)
    // A newer subscription (a later resubscribe) does apply.
    await StripeStandIn.deliver(webhook, stripe.subscriptionEvent('created', customer, 'trialing', t + 30))
    expect((await callClientApi(server.url, key)).status).toBe(200)
  })

  it('refuses unsigned, wrongly signed, expired and malformed deliveries with 400 and no plan change', async () => {
    const { client, key } = await freeAccountWithKey()
    const url = await checkout(client)
    const completed = stripe.completeCheckout(url)
    const tries = [
      StripeStandIn.deliver(webhook, completed, { signature: null }),
      StripeStandIn.deliver(webhook, completed, { secret: 'whsec_someone_else' }),
      // Replayed from a capture an hour later: the timestamp is past Stripe's 5-minute tolerance.
      StripeStandIn.deliver(webhook, completed, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
      StripeStandIn.deliver(webhook, completed, { signature: 't=1,v1=deadbeef' }),
      StripeStandIn.deliver(webhook, '{"id": "evt_1", "type": ', {}),
    ]
    const answers = await Promise.all(tries)
    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 400, 400])
    expect(await readJson(answers[0]!)).toEqual({ error: BILLING_WEBHOOK_MESSAGES.missingSignature })
    for (const res of answers.slice(1))
      expect(await readJson(res)).toEqual({ error: BILLING_WEBHOOK_MESSAGES.badSignature })
    expect((await callClientApi(server.url, key)).status).toBe(403)
    // The refused deliveries did not mark the event processed: the genuine one still applies.
    expect(await readJson(await StripeStandIn.deliver(webhook, completed))).toEqual({ received: true })
    expect((await callClientApi(server.url, key)).status).toBe(200)
  })

  it('acknowledges event types it does not handle, and events about unknown customers, with 200', async () => {
    const other = await StripeStandIn.deliver(webhook, stripe.event('invoice.paid', { id: 'in_1', object: 'invoice' }))
    expect(other.status).toBe(200)
    expect(await readJson(other)).toEqual({ received: true, ignored: 'unhandled_event' })
    const stranger = await StripeStandIn.deliver(webhook, stripe.subscriptionEvent('updated', 'cus_nobody', 'active'))
    expect(await readJson(stranger)).toEqual({ received: true, ignored: 'unknown_customer' })
    expect((await fetch(webhook, { method: 'GET' })).status).toBe(405)
  })
})

describe('without Stripe configured', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(testDatabaseTargets()[0]!)
  })
  afterAll(() => server?.dispose())

  it('says how upgrades work here instead of starting a checkout, and the webhook is not there', async () => {
    const { client } = await loggedInClient(server, { plan: 'free' })
    const res = await client.request('POST', CHECKOUT)
    expect(res.status).toBe(404)
    expect(await readJson(res)).toEqual({ error: DASHBOARD_MESSAGES.billingNotConfigured })
    const status = await client.request('GET', '/api/v1/dashboard/trpc/billing.status')
    expect((await readJson(status)).result.data).toEqual({ enabled: false, has_billing_account: false })
    const hook = await StripeStandIn.deliver(server.url + WEBHOOK, '{}')
    expect(hook.status).toBe(404)
  })
})
