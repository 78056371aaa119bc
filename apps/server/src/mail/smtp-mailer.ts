import nodemailer from 'nodemailer'
import type { Mailer } from '@storra/api'

/**
 * Mail over SMTP_URL (`smtp://user:pass@host:587`, `smtps://…` for TLS from the start) with
 * nodemailer, from SMTP_FROM. `send` resolves once the server accepted the message.
 */
export function createSmtpMailer(settings: { url: string; from: string }): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(settings.url)
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, ...message })
    },
    close: () => transport.close(),
  }
}
