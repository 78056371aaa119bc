import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A mail the inbox received: envelope recipients and the raw message (headers and body). */
export interface ReceivedMail {
  to: string[]
  raw: string
}

/**
 * A local SMTP server (the `smtp-server` package) on 127.0.0.1 and a free port that keeps every
 * mail it is given, so tests read what the server sent over real SMTP. Plain text, no auth.
 */
export class SmtpInbox {
  readonly mails: ReceivedMail[] = []
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        this.mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  url = ''

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`
    return this
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  /** The first mail to `address`, waiting for it up to `timeoutMs`; throws when none came. */
  async waitFor(address: string, timeoutMs = 5_000): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const mail = this.mails.find((m) => m.to.includes(address))
      if (mail) return mail
      if (Date.now() > deadline) throw new Error(`no mail to ${address} within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
}

/** The reset link in a mail (quoted-printable soft breaks undone). */
export function resetLinkIn(mail: ReceivedMail): string {
  const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
  const link = /https?:\/\/\S+\/dashboard\/reset-password#token=[\w-]+/.exec(text)
  if (!link) throw new Error(`no reset link in:\n${mail.raw}`)
  return link[0]
}
