// A studio process on a restored folder, for the backup test. It loads the config with the
// environment the test gives it (DATABASE_URI, MEDIA_DIR, DATA_DIR), writes every document to
// DUMP_FILE, serves the REST API on loopback and prints "URL <url>", then waits to be killed.
import fs from 'node:fs'
import { getPayload } from 'payload'

import { dumpDocuments } from './dumpDocuments'
import { startRestServer } from './restServer'
import config from '../../../payload.config'

const payload = await getPayload({ config })
fs.writeFileSync(process.env.DUMP_FILE!, JSON.stringify(await dumpDocuments(payload)))
const server = await startRestServer()
process.stdout.write(`URL ${server.url}\n`)
setInterval(() => undefined, 60_000)
