import { createClient } from '@libsql/client'

/**
 * A consistent copy of a live SQLite database with `VACUUM INTO`: SQLite reads the database in
 * one read transaction (including what is still in the WAL) and writes a compact new file, so
 * writers in other processes never see a half-taken snapshot. In rollback-journal mode the read
 * briefly holds writers off; the busy timeout makes this connection wait for their commits
 * instead of failing.
 */
export async function snapshotSqlite(input: {
  source: string
  target: string
  busyTimeoutMs?: number
}): Promise<void> {
  const client = createClient({ url: `file:${input.source}` })
  try {
    await client.execute(`PRAGMA busy_timeout = ${Math.round(input.busyTimeoutMs ?? 30_000)}`)
    await client.execute({ sql: 'VACUUM INTO ?', args: [input.target] })
  } finally {
    client.close()
  }
  await checkSqliteIntegrity(input.target)
}

/** Throws unless SQLite's own check finds the file sound. */
export async function checkSqliteIntegrity(file: string): Promise<void> {
  const client = createClient({ url: `file:${file}` })
  try {
    const { rows } = await client.execute('PRAGMA quick_check')
    const findings = rows.map((row) => String(Object.values(row)[0]))
    if (findings.join() !== 'ok')
      throw new Error(`${file} fails SQLite's integrity check: ${findings.slice(0, 5).join('; ')}`)
  } finally {
    client.close()
  }
}
