// Local stand-ins for the external services (Stripe, SMTP), for this package's tests and the web e2e tests.
export { resetLinkIn, SmtpInbox } from './smtp-inbox.ts'
export { StripeStandIn } from './stripe-stand-in.ts'
