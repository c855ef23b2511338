import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getTestPayload, uniqueSuffix } from './helpers/payload'
import { startStudioProcess, type StudioProcess } from './helpers/studioProcess'

type Client = SQLiteAdapter['client']
type Reader = Pick<Client, 'execute'>

const EXPECTED = { journal_mode: 'wal', busy_timeout: 5000, synchronous: 1 }

let payload: Payload
let client: Client
let second: StudioProcess | undefined
let audienceId: number

async function pragmasOf(connection: Reader) {
  const read = async (pragma: string) =>
    Object.values((await connection.execute(`PRAGMA ${pragma}`)).rows[0] ?? {})[0]
  return {
    journal_mode: await read('journal_mode'),
    busy_timeout: await read('busy_timeout'),
    synchronous: await read('synchronous'),
  }
}

beforeAll(async () => {
  payload = await getTestPayload()
  client = (payload.db as unknown as SQLiteAdapter).client
  const suffix = uniqueSuffix()
  audienceId = (
    await payload.create({
      collection: 'audiences',
      data: { label: `Concurrency ${suffix}`, slug: `concurrency-${suffix}` },
    })
  ).id
})

afterAll(async () => {
  await second?.killGroup()
  await payload.delete({ collection: 'audiences', id: audienceId }).catch(() => undefined)
})

describe.skipIf(!process.env.DATABASE_URI?.startsWith('file:'))(
  'SQLite for several writers',
  () => {
    it("should run the server process's connection in WAL mode, with a busy timeout and synchronous=NORMAL", async () => {
      expect(await pragmasOf(client)).toEqual(EXPECTED)
    })

    it('should configure the connections libsql opens after a transaction the same way', async () => {
      // libsql gives its open connection to the transaction and opens another for what follows.
      const transaction = await client.transaction('read')
      try {
        expect(await pragmasOf(transaction)).toEqual(EXPECTED)
        expect(await pragmasOf(client)).toEqual(EXPECTED)
      } finally {
        transaction.close()
      }
      const again = await client.transaction('read')
      again.close()
      expect(await pragmasOf(client)).toEqual(EXPECTED)
    })

    it('should run a second process (a worker) with the same settings', async () => {
      second = await startStudioProcess(['--import', 'tsx', 'test/int/helpers/sqliteProcess.ts'])
      const line = await second.waitForLine(/^PRAGMAS /)
      expect(JSON.parse(line.slice('PRAGMAS '.length))).toEqual(EXPECTED)
    })

    it("should let the second process's write wait for this one's instead of failing with SQLITE_BUSY", async () => {
      // This process takes SQLite's write lock and keeps it for 1.5 s, as a long write would.
      const transaction = await client.transaction('write')
      await transaction.execute({
        sql: 'UPDATE audiences SET updated_at = ? WHERE id = ?',
        args: [new Date().toISOString(), audienceId],
      })
      second!.send(`write ${audienceId}`)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      await transaction.commit()
      const line = await second!.waitForLine(/^(WROTE|FAILED) /, 10_000)
      expect(line).toMatch(/^WROTE \d+$/)
      expect(Number(line.split(' ')[1])).toBeGreaterThanOrEqual(1_000)
      const doc = await payload.findByID({ collection: 'audiences', id: audienceId })
      expect(doc.label).toMatch(/^Written by a second process/)
    })
  },
)
