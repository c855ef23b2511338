import type { PayloadRequest } from 'payload'

import { DERIVED_AREA } from '../../domain/storage/mediaKeys'
import {
  checkRoom,
  describeJobFault,
  storageFaultOf,
  type StorageFault,
} from '../../domain/storage/storageFault'
import { mediaStore } from '../../lib/storage/store'
import type { ProcessingPatch } from '../../services/media/processingStatus'
import { MEDIA_QUEUE } from '../queues'

const DEFAULT_RETRY_SECONDS = 300

/** How long a clip's media job waits for a full or read-only disk before trying again. */
export function storageRetrySeconds(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.MEDIA_STORAGE_RETRY_SECONDS)
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_RETRY_SECONDS
}

/** Below this, no rendition fits: the disk counts as full even when the error did not say so. */
const MIN_FREE_BYTES = 1024 * 1024

/**
 * The storage fault behind a failed job: named by the error, or else seen on the media disk now.
 * Errors do not always say it: ffmpeg reports one only in words, and Node's recursive mkdir
 * turns a read-only disk into ENOENT.
 */
export async function storageFaultBehind(error: unknown): Promise<StorageFault | null> {
  const named = storageFaultOf(error)
  if (named) return named
  const state = await mediaStore()
    .storageState(DERIVED_AREA)
    .catch(() => null)
  return state ? checkRoom({ ...state, neededBytes: MIN_FREE_BYTES, neededFiles: 1 }) : null
}

/**
 * A full or read-only media disk is the machine's problem, not the clip's: retrying within
 * seconds (Payload's backoff) would fail the same way and then mark the clip failed for good.
 * Instead a fresh job is queued for later (it supersedes nothing: this one is still running, and
 * a newer edit of the clip replaces it as usual) and the clip says what it is waiting for. The
 * failed attempt's files were in a temporary folder that buildDerived has already removed.
 */
export async function waitForStorage(input: {
  req: PayloadRequest
  clipId: number | string
  fault: StorageFault
  markClip: (patch: ProcessingPatch) => Promise<unknown>
}): Promise<void> {
  const seconds = storageRetrySeconds()
  await input.req.payload.jobs.queue({
    task: 'processClipMedia',
    queue: MEDIA_QUEUE,
    input: { clipId: String(input.clipId) },
    waitUntil: new Date(Date.now() + seconds * 1000),
  })
  const reason = describeJobFault(input.fault, seconds)
  await input.markClip({ status: 'queued', reason, progress: null })
  input.req.payload.logger.warn({ msg: `Clip ${input.clipId}: ${reason}` })
}
