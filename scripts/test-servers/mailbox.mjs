// A real SMTP server on localhost (the smtp-server package) that files each message it receives
// as JSON in a folder: the browser tests run the studio with SMTP_URL pointing here and read
// what it sent, from another process.
import fs from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

export async function startMailbox(dir) {
  fs.mkdirSync(dir, { recursive: true })
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = []
      stream.on('data', (chunk) => chunks.push(chunk))
      stream.on('end', () => {
        const name = String(++received).padStart(6, '0')
        const message = {
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          raw: Buffer.concat(chunks).toString('utf8'),
        }
        // Written whole, then renamed, so a reader never sees half a message.
        const partial = path.join(dir, `${name}.partial`)
        fs.writeFileSync(partial, JSON.stringify(message))
        fs.renameSync(partial, path.join(dir, `${name}.json`))
        callback()
      })
    },
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address()
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
