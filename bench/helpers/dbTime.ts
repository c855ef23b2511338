import { performance } from 'node:perf_hooks'
import type { Payload } from 'payload'

const READS = ['count', 'countVersions', 'find', 'findDistinct', 'findGlobal', 'findOne']
const WRITES = [
  'create',
  'createGlobal',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
]
const OTHER = ['findVersions', 'queryDrafts', 'commitTransaction']

export interface DbTime {
  reads: number
  writes: number
  /** Wall time with at least one database call in flight. */
  busyMs: number
  /** Busy time of the writes alone (SQLite commits: each one a sync to disk). */
  writeBusyMs: number
}

/**
 * Counts the database adapter calls made while `work` runs, and the wall time spent waiting for
 * them, by wrapping the adapter's methods for that time only. It observes; it changes nothing.
 */
export async function withDbTime<T>(
  payload: Payload,
  work: () => Promise<T>,
): Promise<{ result: T; db: DbTime }> {
  const adapter = payload.db as unknown as Record<string, unknown>
  const originals = new Map<string, unknown>()
  const db: DbTime = { reads: 0, writes: 0, busyMs: 0, writeBusyMs: 0 }
  const inFlight = { all: 0, writes: 0 }
  const since = { all: 0, writes: 0 }
  const enter = (key: 'all' | 'writes') => {
    if (inFlight[key]++ === 0) since[key] = performance.now()
  }
  const leave = (key: 'all' | 'writes') => {
    if (--inFlight[key] === 0) {
      const elapsed = performance.now() - since[key]
      if (key === 'all') db.busyMs += elapsed
      else db.writeBusyMs += elapsed
    }
  }
  for (const name of [...READS, ...WRITES, ...OTHER]) {
    const original = adapter[name]
    if (typeof original !== 'function') continue
    const isWrite = WRITES.includes(name)
    originals.set(name, original)
    adapter[name] = async (...args: unknown[]) => {
      if (isWrite) db.writes += 1
      else if (READS.includes(name)) db.reads += 1
      enter('all')
      if (isWrite) enter('writes')
      try {
        return await (original as (...a: unknown[]) => Promise<unknown>).apply(payload.db, args)
      } finally {
        leave('all')
        if (isWrite) leave('writes')
      }
    }
  }
  try {
    return { result: await work(), db }
  } finally {
    for (const [name, original] of originals) adapter[name] = original
  }
}
