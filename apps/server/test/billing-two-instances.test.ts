import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setUserPlan } from '@storra/api'
import { PRO_REQUIRED_BODY } from '@storra/core'
import {
  callClientApi,
  loggedInClient,
  readJson,
  startTestServer,
  testDatabaseTargets,
  type TestServer,
} from '../src/testing.ts'
import { StripeStandIn } from '../src/testing/stripe-stand-in.ts'

// Cross-instance invalidation rides on PostgreSQL LISTEN/NOTIFY: a real server is needed.
const postgresTarget = testDatabaseTargets().find((target) => target.name === 'postgres')
const describeWithPostgres = postgresTarget ? describe : describe.skip

/** Generous bound: the notification normally lands within milliseconds. */
const PROPAGATION_DEADLINE_MS = 2_000

async function pollUntilStatus(baseUrl: string, key: string, status: number): Promise<number> {
  const deadline = Date.now() + PROPAGATION_DEADLINE_MS
  for (;;) {
    const res = await callClientApi(baseUrl, key)
    await res.arrayBuffer()
    if (res.status === status || Date.now() >= deadline) return res.status
  }
}

describeWithPostgres(
  `upgrade through Stripe on two instances${postgresTarget ? '' : ' (skipped: set TEST_DATABASE_URL to run)'}`,
  () => {
    let stripe: StripeStandIn
    let a: TestServer
    let b: TestServer

    beforeAll(async () => {
      stripe = await new StripeStandIn().start()
      a = await startTestServer(postgresTarget!, { stripe: stripe.settings() })
      b = await startTestServer(postgresTarget!, { databaseUrl: a.databaseUrl, stripe: stripe.settings() })
    })
    afterAll(async () => {
      await b?.close()
      await a?.dispose()
      await stripe?.stop()
    })

    it('a free account upgrades on A, the signed webhook lands on B, and the same key turns 403 → 200 on both', async () => {
      const { client, user } = await loggedInClient(a, { plan: 'pro' })
      const { key } = await client.createKey('upgraded across instances')
      await setUserPlan(a.services, { userId: user.id }, 'free')
      // Both instances hold the refusal in their caches.
      for (const server of [a, b]) {
        const res = await callClientApi(server.url, key)
        expect(res.status).toBe(403)
        expect(await readJson(res)).toEqual(PRO_REQUIRED_BODY)
      }

      // "Upgrade to Cloud Pro" on A (over HTTP, as the settings page does).
      const checkout = await client.request('POST', '/api/v1/dashboard/billing/checkout')
      expect(checkout.status).toBe(200)
      const { url } = await readJson(checkout)

      // The stand-in completes the checkout; Stripe delivers the event to B this time.
      const delivered = await StripeStandIn.deliver(
        b.url + '/api/v1/billing/stripe/webhook',
        stripe.completeCheckout(url),
      )
      expect(delivered.status).toBe(200)

      expect(await pollUntilStatus(b.url, key, 200)).toBe(200)
      expect(await pollUntilStatus(a.url, key, 200)).toBe(200)

      // And back: the subscription ends, Stripe tells A, B refuses again.
      const customer = stripe.sessionOfUrl(url).customer as string
      const ended = stripe.subscriptionEvent('deleted', customer, 'canceled', Math.floor(Date.now() / 1000) + 1)
      expect((await StripeStandIn.deliver(a.url + '/api/v1/billing/stripe/webhook', ended)).status).toBe(200)
      expect(await pollUntilStatus(b.url, key, 403)).toBe(403)
      expect(await pollUntilStatus(a.url, key, 403)).toBe(403)
    })
  },
)
