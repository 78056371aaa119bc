import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import type { StripeSettings } from '@storra/api'

/** The webhook signing secret the stand-in signs with; the server under test is configured with it. */
const STAND_IN_WEBHOOK_SECRET = 'whsec_stand_in_secret_for_tests'
const STAND_IN_PRICE_ID = 'price_cloud_pro_monthly'

const id = (prefix: string) => `${prefix}_test_${randomBytes(8).toString('hex')}`
const nowSeconds = () => Math.floor(Date.now() / 1000)

/** A request the stand-in received: method, path, the form body as flat `key[sub]` pairs. */
export interface RecordedRequest {
  method: string
  path: string
  form: Record<string, string>
  idempotencyKey?: string
}

type StripeObject = Record<string, unknown> & { id: string }

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')))
}

/**
 * A local stand-in for the Stripe API (nothing outside this machine is reachable): the real
 * `stripe` client talks to it over HTTP on a loopback port, and it answers the calls the
 * service makes with Stripe's documented object shapes (Customer, Checkout Session, Billing
 * Portal Session). It plays Stripe's side of a checkout too: {@link completeCheckout} builds the
 * `checkout.session.completed` event and {@link deliver} sends an event signed as Stripe signs
 * them (`stripe.webhooks.generateTestHeaderString`) to a webhook URL.
 */
export class StripeStandIn {
  readonly requests: RecordedRequest[] = []
  readonly customers = new Map<string, StripeObject>()
  readonly checkoutSessions = new Map<string, StripeObject>()
  private readonly idempotent = new Map<string, StripeObject>()
  private server?: Server
  private base = ''

  /** Listens on 127.0.0.1 and a free port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      // The hosted pages a browser is sent to (Checkout, the portal): a plain page is enough.
      if (req.method === 'GET' && /^\/(c\/pay|p\/session)\//.test(req.url ?? '')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end('<!doctype html><title>Stripe stand-in</title><h1>Stripe stand-in checkout</h1>')
        return
      }
      void this.answer(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') })
          res.end(JSON.stringify(body))
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' })
          res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }))
        },
      )
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  /** The server's STRIPE_* settings pointing at this stand-in. */
  settings(): StripeSettings {
    const { port } = new URL(this.base)
    return {
      secretKey: 'sk_test_stand_in',
      webhookSecret: STAND_IN_WEBHOOK_SECRET,
      priceId: STAND_IN_PRICE_ID,
      apiBase: { host: '127.0.0.1', port: Number(port), protocol: 'http' },
    }
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const form = req.method === 'POST' ? await readForm(req) : {}
    const path = (req.url ?? '/').split('?')[0]!
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined
    this.requests.push({ method: req.method ?? '', path, form, idempotencyKey })
    if (req.headers.authorization !== 'Bearer sk_test_stand_in')
      return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } } }
    const replay = idempotencyKey && this.idempotent.get(`${path} ${idempotencyKey}`)
    if (replay) return { status: 200, body: replay }
    const created = this.create(path, form)
    if (!created)
      return { status: 404, body: { error: { type: 'invalid_request_error', message: `Unrecognized request URL` } } }
    if (idempotencyKey) this.idempotent.set(`${path} ${idempotencyKey}`, created)
    return { status: 200, body: created }
  }

  private create(path: string, form: Record<string, string>): StripeObject | undefined {
    const metadata = Object.fromEntries(
      Object.entries(form)
        .filter(([key]) => key.startsWith('metadata['))
        .map(([key, value]) => [key.slice(9, -1), value]),
    )
    if (path === '/v1/customers') {
      const customer = {
        id: id('cus'),
        object: 'customer',
        created: nowSeconds(),
        email: form.email ?? null,
        livemode: false,
        metadata,
      }
      this.customers.set(customer.id, customer)
      return customer
    }
    if (path === '/v1/checkout/sessions') {
      if (form['line_items[0][price]'] !== STAND_IN_PRICE_ID) return undefined
      const sessionId = id('cs')
      const session = {
        id: sessionId,
        object: 'checkout.session',
        client_reference_id: form.client_reference_id ?? null,
        created: nowSeconds(),
        customer: form.customer ?? null,
        livemode: false,
        metadata,
        mode: form.mode,
        payment_status: 'unpaid',
        status: 'open',
        subscription: null,
        success_url: form.success_url,
        cancel_url: form.cancel_url,
        url: `${this.base}/c/pay/${sessionId}`,
      }
      this.checkoutSessions.set(sessionId, session)
      return session
    }
    if (path === '/v1/billing_portal/sessions') {
      const sessionId = id('bps')
      return {
        id: sessionId,
        object: 'billing_portal.session',
        created: nowSeconds(),
        customer: form.customer,
        livemode: false,
        return_url: form.return_url ?? null,
        url: `${this.base}/p/session/${sessionId}`,
      }
    }
    return undefined
  }

  /** The checkout session behind a URL the service handed out. */
  sessionOfUrl(url: string): StripeObject {
    const session = [...this.checkoutSessions.values()].find((s) => s.url === url)
    if (!session) throw new Error(`no checkout session at ${url}`)
    return session
  }

  /** Completes a checkout as a paying customer would: the `checkout.session.completed` event. */
  completeCheckout(url: string, created = nowSeconds()): Stripe.Event {
    const session = this.sessionOfUrl(url)
    Object.assign(session, { status: 'complete', payment_status: 'paid', subscription: id('sub') })
    return this.event('checkout.session.completed', { ...session }, created)
  }

  /** A `customer.subscription.*` event for `customer` with this `status`. */
  subscriptionEvent(
    type: 'created' | 'updated' | 'deleted',
    customer: string,
    status: string,
    created = nowSeconds(),
  ): Stripe.Event {
    const subscription = {
      id: id('sub'),
      object: 'subscription',
      customer,
      status,
      created,
      livemode: false,
      metadata: {},
      items: { object: 'list', data: [{ price: { id: STAND_IN_PRICE_ID } }] },
    }
    return this.event(`customer.subscription.${type}`, subscription, created)
  }

  /** An event envelope as Stripe's Event object documents it. */
  event(type: string, object: Record<string, unknown>, created = nowSeconds()): Stripe.Event {
    return {
      id: id('evt'),
      object: 'event',
      api_version: '2025-01-27.acacia',
      created,
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    } as unknown as Stripe.Event
  }

  /** The `Stripe-Signature` header Stripe would send for `payload` (at `timestamp` seconds, or now). */
  static sign(payload: string, options: { secret?: string; timestamp?: number } = {}): string {
    return Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? STAND_IN_WEBHOOK_SECRET,
      timestamp: options.timestamp,
    })
  }

  /** Posts `event` to a webhook URL as Stripe does: raw JSON body, signed. Returns the answer. */
  static deliver(
    webhookUrl: string,
    event: Stripe.Event | string,
    options: { secret?: string; timestamp?: number; signature?: string | null } = {},
  ): Promise<Response> {
    const payload = typeof event === 'string' ? event : JSON.stringify(event)
    const signature = options.signature === undefined ? StripeStandIn.sign(payload, options) : options.signature
    return fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(signature === null ? {} : { 'stripe-signature': signature }),
      },
      body: payload,
    })
  }
}
