// Local stand-ins for the external services (Stripe, SMTP), for this package's tests and the web e2e tests.
export { resetLinkIn, SmtpInbox, type ReceivedMail } from './smtp-inbox.ts'
export { STAND_IN_PRICE_ID, STAND_IN_WEBHOOK_SECRET, StripeStandIn } from './stripe-stand-in.ts'
