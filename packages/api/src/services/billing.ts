import { and, eq, isNull } from 'drizzle-orm'
import Stripe from 'stripe'
import { processedStripeEvents, users, type UserRow } from '@storra/db'
import { BILLING_WEBHOOK_MESSAGES, DASHBOARD_MESSAGES, planOfSubscriptionStatus, type Plan } from '@storra/core'
import { recordAuditEvent, SYSTEM_REQUEST } from './audit.ts'
import type { ServiceContext } from './context.ts'
import { ServiceError } from './service-error.ts'
import { findUserById } from './users.ts'

/** Stripe as the services use it: the client, the subscription's price, and the webhook secret. */
export interface BillingGateway {
  stripe: Stripe
  /** STRIPE_PRICE_ID: the recurring price of Cloud Pro (`price_…`). */
  priceId: string
  /** STRIPE_WEBHOOK_SECRET (`whsec_…`), which signs the events Stripe sends. */
  webhookSecret: string
}

/** STRIPE_* as the server's configuration holds them. */
export interface StripeSettings {
  secretKey: string
  webhookSecret: string
  priceId: string
  /** STRIPE_API_BASE: another Stripe API address (a local stand-in in tests); Stripe's own when absent. */
  apiBase?: { host: string; port: number; protocol: 'http' | 'https' }
}

/** Builds the Stripe client (the official `stripe` package) for these settings. */
export function createBillingGateway(settings: StripeSettings): BillingGateway {
  const stripe = new Stripe(settings.secretKey, {
    // One retry (with Stripe's idempotency keys) rides out a blip without holding the click for long.
    maxNetworkRetries: 1,
    timeout: 15_000,
    telemetry: false,
    ...settings.apiBase,
  })
  return { stripe, priceId: settings.priceId, webhookSecret: settings.webhookSecret }
}

function requireBilling(ctx: ServiceContext): BillingGateway {
  if (!ctx.billing) throw new ServiceError('NOT_FOUND', DASHBOARD_MESSAGES.billingNotConfigured)
  return ctx.billing
}

/** A failed Stripe call is Stripe's (or the network's) trouble: 503 with a retry hint, never a 500. */
async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError)
      throw new ServiceError('SERVICE_UNAVAILABLE', DASHBOARD_MESSAGES.billingUnavailable, 5)
    throw error
  }
}

async function accountOf(ctx: ServiceContext, userId: string): Promise<UserRow> {
  const row = await findUserById(ctx, userId)
  if (!row) throw new ServiceError('UNAUTHORIZED', DASHBOARD_MESSAGES.notAuthenticated)
  return row
}

/**
 * The account's one Stripe customer (`cus_…`), created on first use. The idempotency key makes
 * two simultaneous first clicks one customer; the conditional update keeps the first id stored.
 */
async function ensureStripeCustomer(ctx: ServiceContext, billing: BillingGateway, user: UserRow): Promise<string> {
  if (user.stripeCustomerId) return user.stripeCustomerId
  const customer = await callStripe(() =>
    billing.stripe.customers.create(
      { email: user.email, metadata: { account_id: user.id } },
      { idempotencyKey: `storra-customer-${user.id}` },
    ),
  )
  const [stored] = await ctx.database.db
    .update(users)
    .set({ stripeCustomerId: customer.id })
    .where(and(eq(users.id, user.id), isNull(users.stripeCustomerId)))
    .returning({ id: users.stripeCustomerId })
  return stored?.id ?? (await accountOf(ctx, user.id)).stripeCustomerId ?? customer.id
}

/** Where Stripe sends the person back: the dashboard's settings page. */
function settingsUrl(ctx: ServiceContext, query = ''): string {
  return `${ctx.publicUrl}/dashboard/settings${query}`
}

/**
 * Starts a Stripe Checkout session for the Cloud Pro subscription: `{ url }` to send the browser
 * to. The account id travels as `client_reference_id`. Errors: 404 billing not configured,
 * 409 already on Cloud Pro, 503 Stripe unreachable.
 */
export async function startCheckout(ctx: ServiceContext, userId: string): Promise<{ url: string }> {
  const billing = requireBilling(ctx)
  const user = await accountOf(ctx, userId)
  if (user.plan === 'pro') throw new ServiceError('CONFLICT', DASHBOARD_MESSAGES.alreadyPro)
  const customer = await ensureStripeCustomer(ctx, billing, user)
  const session = await callStripe(() =>
    billing.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: user.id,
      line_items: [{ price: billing.priceId, quantity: 1 }],
      success_url: settingsUrl(ctx, '?checkout=success'),
      cancel_url: settingsUrl(ctx, '?checkout=cancelled'),
    }),
  )
  if (!session.url) throw new ServiceError('SERVICE_UNAVAILABLE', DASHBOARD_MESSAGES.billingUnavailable, 5)
  return { url: session.url }
}

/**
 * Opens the Stripe customer portal ("Manage billing"): `{ url }`. Errors: 404 billing not
 * configured, 409 the account has no Stripe customer yet, 503 Stripe unreachable.
 */
export async function openBillingPortal(ctx: ServiceContext, userId: string): Promise<{ url: string }> {
  const billing = requireBilling(ctx)
  const user = await accountOf(ctx, userId)
  if (!user.stripeCustomerId) throw new ServiceError('CONFLICT', DASHBOARD_MESSAGES.noBillingAccount)
  const customer = user.stripeCustomerId
  const session = await callStripe(() =>
    billing.stripe.billingPortal.sessions.create({ customer, return_url: settingsUrl(ctx) }),
  )
  return { url: session.url }
}

/** What the settings page needs to know: can it start a checkout, and is there a billing account. */
export async function billingStatus(
  ctx: ServiceContext,
  userId: string,
): Promise<{ enabled: boolean; has_billing_account: boolean }> {
  const user = await accountOf(ctx, userId)
  return { enabled: Boolean(ctx.billing), has_billing_account: Boolean(ctx.billing && user.stripeCustomerId) }
}

/** The plan an event asks for, the Stripe customer it is about, and the account it names (checkout). */
interface PlanChange {
  plan: Plan
  customerId: string
  accountId?: string
}

function idOf(value: string | { id: string } | null | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.id
}

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'customer.subscription.paused',
  'customer.subscription.resumed',
])

/** The plan change an event stands for, or null when it is not about the plan (ignored with 200). */
function planChangeOf(event: Stripe.Event): PlanChange | null {
  if (event.type === 'checkout.session.completed' || event.type === 'checkout.session.async_payment_succeeded') {
    const session = event.data.object
    const customerId = idOf(session.customer)
    // A paid (or trial, `no_payment_required`) subscription checkout; an unpaid one waits for async success.
    if (session.mode !== 'subscription' || session.status !== 'complete' || session.payment_status === 'unpaid')
      return null
    return customerId ? { plan: 'pro', customerId, accountId: session.client_reference_id ?? undefined } : null
  }
  if (SUBSCRIPTION_EVENTS.has(event.type)) {
    const subscription = event.data.object as Stripe.Subscription
    const customerId = idOf(subscription.customer)
    const plan = event.type === 'customer.subscription.deleted' ? 'free' : planOfSubscriptionStatus(subscription.status)
    return customerId && plan ? { plan, customerId } : null
  }
  return null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * True when an event created at `eventAt` must not change a plan last set by an event at
 * `lastAt`: it is older, or as old and would restore Cloud Pro (Stripe's `created` is in whole
 * seconds; within one second an ending wins, so a late `updated` cannot undo a `deleted`).
 */
function isStale(eventAt: Date, lastAt: Date | null, plan: Plan): boolean {
  if (!lastAt) return false
  return eventAt < lastAt || (eventAt.getTime() === lastAt.getTime() && plan === 'pro')
}

/** What the webhook did with an event it accepted (always answered 200). */
export interface WebhookOutcome {
  received: true
  /** Why nothing changed, when nothing did. */
  ignored?: 'unhandled_event' | 'duplicate' | 'unknown_customer' | 'stale'
}

/**
 * Handles one Stripe webhook delivery: verifies the signature over the raw body (400 when it is
 * missing, wrong, or its timestamp is older than Stripe's 5-minute tolerance), then applies the
 * event once: its id is stored with the plan change in one transaction, so a retry or replay
 * changes nothing. Events apply in their `created` order per account. Active or trialing
 * subscriptions (and completed subscription checkouts) give Cloud Pro, ended ones Free; other
 * event types are acknowledged and ignored. A plan change reaches every instance's key cache.
 */
export async function handleStripeWebhook(
  ctx: ServiceContext,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const billing = requireBilling(ctx)
  if (!signature) throw new ServiceError('BAD_REQUEST', BILLING_WEBHOOK_MESSAGES.missingSignature)
  let event: Stripe.Event
  try {
    event = billing.stripe.webhooks.constructEvent(rawBody, signature, billing.webhookSecret)
  } catch {
    throw new ServiceError('BAD_REQUEST', BILLING_WEBHOOK_MESSAGES.badSignature)
  }
  const change = planChangeOf(event)
  if (!change) return { received: true, ignored: 'unhandled_event' }
  const eventAt = new Date(event.created * 1000)

  const result = await ctx.database.db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(processedStripeEvents)
      .values({ id: event.id, type: event.type })
      .onConflictDoNothing()
      .returning({ id: processedStripeEvents.id })
    if (!fresh) return { ignored: 'duplicate' as const }
    // The customer's account; a first checkout may arrive before the customer id was stored, so
    // only when no account has this customer does the event's account id (client_reference_id)
    // name it, and only if that account has no other customer. Matching both at once could pick
    // a second account and then break the one-customer-per-account index (a 500 Stripe retries).
    let [user] = await tx.select().from(users).where(eq(users.stripeCustomerId, change.customerId)).for('update')
    if (!user && change.accountId && UUID.test(change.accountId))
      [user] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, change.accountId), isNull(users.stripeCustomerId)))
        .for('update')
    if (!user) return { ignored: 'unknown_customer' as const }
    if (isStale(eventAt, user.billingEventAt, change.plan)) return { ignored: 'stale' as const }
    await tx
      .update(users)
      .set({ plan: change.plan, billingEventAt: eventAt, stripeCustomerId: change.customerId })
      .where(eq(users.id, user.id))
    if (user.plan !== change.plan)
      await recordAuditEvent(tx, {
        type: 'user.plan_changed',
        userId: user.id,
        details: { from: user.plan, to: change.plan, stripe_event_id: event.id },
        meta: SYSTEM_REQUEST,
      })
    return { changed: user.plan !== change.plan, userId: user.id }
  })
  if ('ignored' in result) return { received: true, ignored: result.ignored }
  if (result.changed) await ctx.invalidation.publish({ type: 'user', userId: result.userId })
  return { received: true }
}
