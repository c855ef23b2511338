import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** Envelope recipients, as the studio addressed them. */
  to: string[]
  from: string
  subject: string
  text: string
  /** The whole message as sent, headers included: for looking for what must never be in it. */
  raw: string
}

export interface TestSmtpServer {
  url: string
  mails: ReceivedMail[]
  /** Refuses the next `count` messages to `address` with a reply quoting it, as servers do. */
  refuse: (address: string, count: number) => void
  close: () => Promise<void>
}

/** A real SMTP server on localhost (the smtp-server package) that keeps what it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = []
  const refusals = new Map<string, number>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address) ?? 0
      if (left > 0) {
        refusals.set(address.address, left - 1)
        const error = Object.assign(
          new Error(`<${address.address}>: Recipient address rejected: mailbox unavailable`),
          { responseCode: 450 },
        )
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              raw,
            })
            callback()
          })
          .catch(callback)
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuse: (address, count) => {
      refusals.set(address, count)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
