import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import type { StagedFolder } from './mediaStore'
import { mediaStore } from './store'
import { DERIVED_AREA, derivedKey } from '../../domain/storage/mediaKeys'

const COMPLETE = '.complete'
const RESULT = 'result.json'

export async function isDerivedComplete(key: string): Promise<boolean> {
  return (await mediaStore().stat(derivedKey(key, COMPLETE))) !== null
}

/**
 * Builds the files for a content key once. The build writes into a staged folder that is put
 * into the store only when complete, so a crash never leaves a half-written result under the
 * key. A concurrent build of the same key that finishes second throws its copy away: the first
 * result may already be in use (another job reading it, a release copying it).
 */
export async function buildDerived<T>(
  key: string,
  build: (dir: string) => Promise<T>,
): Promise<{ cached: boolean; result: T | null }> {
  if (await isDerivedComplete(key)) return { cached: true, result: await readResult<T>(key) }
  const staged = await mediaStore().stage(DERIVED_AREA, key.slice(0, 12))
  try {
    const result = await build(staged.dir)
    await fsp.writeFile(path.join(staged.dir, RESULT), JSON.stringify(result ?? null))
    await fsp.writeFile(path.join(staged.dir, COMPLETE), '')
    if (!(await putIntoPlace(staged, key)))
      return { cached: true, result: await readResult<T>(key) }
    return { cached: false, result }
  } finally {
    await staged.discard()
  }
}

/** Puts a finished build under its key; false when another build of the key got there first. */
async function putIntoPlace(staged: StagedFolder, key: string): Promise<boolean> {
  const store = mediaStore()
  for (let attempt = 0; attempt < 2; attempt++) {
    if (await isDerivedComplete(key)) return false
    if ((await store.putFolder(staged, derivedKey(key), { replace: false })) === 'put') return true
    if (await isDerivedComplete(key)) return false
    // Only a folder without the completion marker (left by an older version) is replaced.
    if (attempt === 0) await store.delete(derivedKey(key))
  }
  throw new Error(`Derived media ${key} could not be put in place.`)
}

/**
 * Removes the half-written builds of processes that died: staged folders in which nothing has
 * changed for `olderThanMs`. A live build's encoder writes its output continuously, and every
 * step adds files, so a folder that has gone quiet for a stale period has no writer.
 */
export const removeAbandonedBuilds = (olderThanMs: number): Promise<number> =>
  mediaStore().removeLeftovers(DERIVED_AREA, { quietForMs: olderThanMs })

async function readResult<T>(key: string): Promise<T | null> {
  try {
    return JSON.parse((await mediaStore().read(derivedKey(key, RESULT))).toString('utf8')) as T
  } catch {
    return null
  }
}

/** Scratch space for one piece of work, always removed afterwards. */
export async function withTempDir<T>(
  prefix: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), `cdm-${prefix}-`))
  try {
    return await work(dir)
  } finally {
    await fsp.rm(dir, { recursive: true, force: true })
  }
}
