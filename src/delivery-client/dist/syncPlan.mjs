// Generated from src/delivery-client/syncPlan.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
import { pinnedKeyMap } from './signature.mjs'
import { readState, stateFileFor } from './state.mjs'
/** Refuses unusable options before any network traffic or change on disk. */
export async function planSync(options) {
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
