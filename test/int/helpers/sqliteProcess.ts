// A second studio process on the test database, for the SQLite tests: it loads the config the
// way the worker does, prints the pragmas its own connection runs with ("PRAGMAS {...}"), then
// for each line "write <audience id>" on stdin renames that audience and prints
// "WROTE <ms>" or "FAILED <code> <ms>". "READY" says the config loaded (the test starts it
// with payloadNodeOptions(), so it does not exit silently while importing it on Node 20).
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import readline from 'node:readline'
import { getPayload } from 'payload'

import config from '../../../payload.config'

const say = (line: string) => process.stdout.write(`${line}\n`)

const payload = await getPayload({ config })
say('READY')
const client = (payload.db as unknown as SQLiteAdapter).client
const read = async (pragma: string) =>
  Object.values((await client.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0]
say(
  `PRAGMAS ${JSON.stringify({
    journal_mode: await read('journal_mode'),
    busy_timeout: await read('busy_timeout'),
    synchronous: await read('synchronous'),
  })}`,
)

for await (const line of readline.createInterface({ input: process.stdin })) {
  const [command, id] = line.trim().split(' ')
  if (command !== 'write') continue
  const started = Date.now()
  try {
    await payload.update({
      collection: 'audiences',
      id,
      data: { label: `Written by a second process ${started}` },
      overrideAccess: true,
    })
    say(`WROTE ${Date.now() - started}`)
  } catch (error) {
    const code = (error as { code?: string; cause?: { code?: string } }).cause?.code
    say(`FAILED ${code ?? (error as Error).message} ${Date.now() - started}`)
  }
}
process.exit(0)
