// The Node ceiling for the delivery bench: node:http answering the same bytes from memory, with
// an ETag and a 304, and nothing else. argv: <port> <dir>; every file in <dir> is served at
// /<file name>, its ETag its sha256.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

const [port, dir] = process.argv.slice(2)
const files = new Map(
  fs.readdirSync(dir).map((name) => {
    const bytes = fs.readFileSync(path.join(dir, name))
    return [`/${name}`, { bytes, etag: `"${createHash('sha256').update(bytes).digest('hex')}"` }]
  }),
)

http
  .createServer((request, response) => {
    const file = files.get(request.url.split('?')[0])
    if (!file) {
      response.writeHead(404).end()
      return
    }
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, { ETag: file.etag }).end()
      return
    }
    response.writeHead(200, { 'Content-Type': 'application/json', ETag: file.etag }).end(file.bytes)
  })
  .listen(Number(port), '127.0.0.1', () => process.send?.('ready'))
