import { DeliveryError } from './errors'
import { pinnedKeyMap } from './signature'
import { readState, stateFileFor } from './state'
import type { PinnedKey, ReleaseQuery, SyncOptions } from './types'

/** A sync's options, checked and with their defaults. */
export interface SyncPlan {
  query: ReleaseQuery
  outDir: string
  stateFile: string
  pinnedKeys: readonly PinnedKey[]
  concurrency: number
  retries: number
  signal?: AbortSignal
}

/** Refuses unusable options before any network traffic or change on disk. */
export async function planSync(options: SyncOptions): Promise<SyncPlan> {
  const { toolkit, audience, locale, outDir, signal } = options
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4))
  const retries = Math.max(0, Math.floor(options.retries ?? 2))
  // Without pins there is nothing to verify against.
  pinnedKeyMap(options.pinnedKeys)
  if (typeof outDir !== 'string' || outDir === '') {
    throw new DeliveryError('invalid-argument', 'outDir is required.')
  }
  const stateFile = stateFileFor(outDir, options.stateFile)
  // A damaged state file stops the sync here, before anything is fetched or changed.
  await readState(stateFile)
  return {
    query: { toolkit, audience, locale },
    outDir,
    stateFile,
    pinnedKeys: options.pinnedKeys,
    concurrency,
    retries,
    signal,
  }
}
