import type { Payload } from 'payload'

import { isTransientDatabaseError } from '../../domain/jobs/transientDatabaseError'
import { type Id, idFromText } from '../../domain/refs'
import { storageFaultOf } from '../../domain/storage/storageFault'
import type { ProcessingStatus } from '../../domain/vocabulary'
import { MediaToolError } from '../../lib/ffmpeg'
import { SYSTEM_MEDIA_WRITE } from '../writeContext'

/** A problem with what was uploaded: retrying cannot help, the person must fix the file. */
export class InputProblem extends Error {
  constructor(
    message: string,
    readonly media?: { collection: 'animations' | 'voice-tracks' | 'captions'; id: Id },
  ) {
    super(message)
    this.name = 'InputProblem'
  }
}

const TRANSIENT_CODES = new Set(['ENOSPC', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'ETIMEDOUT'])

/**
 * Worth retrying: the machine was short of something (a full or read-only disk included, which
 * ffmpeg reports only in words), ffmpeg was killed from outside, or the database was busy for
 * longer than its timeout.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof InputProblem) return false
  if (storageFaultOf(error)) return true
  const code = (error as NodeJS.ErrnoException)?.code
  if (code && TRANSIENT_CODES.has(code)) return true
  if (isTransientDatabaseError(error)) return true
  return error instanceof MediaToolError && /killed with signal|SIGKILL|SIGTERM/.test(error.message)
}

export interface ProcessingPatch {
  status?: ProcessingStatus
  reason?: string | null
  progress?: number | null
  sha256?: string
  durationMs?: number | null
  details?: unknown
}

/**
 * Job writes: bypass access (jobs act for the system), never re-queue processing, and commit
 * each write on its own (no shared transaction) so the admin sees progress while the job runs.
 */
export function markProcessing(payload: Payload) {
  // Progress callbacks fire while other writes are in flight; one queue keeps them in order.
  let queue: Promise<unknown> = Promise.resolve()
  const write = (
    collection: 'clips' | 'animations' | 'voice-tracks' | 'captions',
    id: Id,
    patch: ProcessingPatch,
  ) => {
    const next = queue.then(() => writeNow(collection, id, patch))
    queue = next.catch(() => undefined)
    return next
  }
  const writeNow = async (
    collection: 'clips' | 'animations' | 'voice-tracks' | 'captions',
    id: Id,
    patch: ProcessingPatch,
  ) => {
    const current = await payload.findByID({
      collection,
      id,
      depth: 0,
      overrideAccess: true,
      select: { processing: true },
    })
    await payload.update({
      collection,
      id,
      data: { processing: { ...(current.processing ?? {}), ...patch } },
      depth: 0,
      overrideAccess: true,
      // Progress ticks are system bookkeeping, not edits: they stay out of the audit log.
      context: SYSTEM_MEDIA_WRITE,
    } as Parameters<typeof payload.update>[0])
  }
  return {
    clip: (id: Id, patch: ProcessingPatch) => write('clips', id, patch),
    media: (
      collection: 'animations' | 'voice-tracks' | 'captions',
      id: Id,
      patch: ProcessingPatch,
    ) => write(collection, id, patch),
  }
}

/** The clip a media job is for: the input holds its id as text, typed by the database's ids. */
export function clipIdFromInput(payload: Payload, input: { clipId: string }): Id {
  return idFromText(input.clipId, payload.db.defaultIDType)
}
