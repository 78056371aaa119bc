import type { TRPCRouterRecord } from '@trpc/server'
import { billingStatus, openBillingPortal, startCheckout } from '../services/billing.ts'
import { protectedProcedure } from '../trpc.ts'

/** Cloud Pro through Stripe; each procedure is 404 when STRIPE_* is not configured (status excepted). */
export const billingRouter = {
  /** `{ enabled, has_billing_account }`: whether "Upgrade" can start a checkout here. */
  status: protectedProcedure.query(({ ctx }) => billingStatus(ctx.services, ctx.session.user.id)),
  /** Starts a Stripe Checkout session for Cloud Pro: `{ url }` to open. */
  checkout: protectedProcedure.mutation(({ ctx }) => startCheckout(ctx.services, ctx.session.user.id)),
  /** Opens the Stripe customer portal ("Manage billing"): `{ url }`. */
  portal: protectedProcedure.mutation(({ ctx }) => openBillingPortal(ctx.services, ctx.session.user.id)),
} satisfies TRPCRouterRecord
