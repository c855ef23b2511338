import type { PayloadRequest } from 'payload'

import { checkProbedStreams } from '../../domain/media/uploadRules'
import { idOf } from '../../domain/refs'
import { uploadKey } from '../../domain/storage/mediaKeys'
import { probe, type ProbeResult } from '../../lib/ffmpeg'
import { mediaStore } from '../../lib/storage/store'
import { storedSha256 } from '../../lib/storage/storedHash'
import { InputProblem } from '../../services/media/processingStatus'

export type MediaCollection = 'animations' | 'voice-tracks' | 'captions'

/** A clip's uploaded file, found and hashed; a missing one is the uploader's to fix. */
export async function loadMedia(req: PayloadRequest, collection: MediaCollection, ref: unknown) {
  const id = idOf(ref)
  const doc =
    id == null
      ? null
      : await req.payload.findByID({
          collection,
          id,
          depth: 0,
          req,
          overrideAccess: true,
          disableErrors: true,
        })
  if (!doc?.filename)
    throw new InputProblem(`The ${collection.replace('-', ' ')} file ${id ?? ''} is missing.`)
  const key = uploadKey(collection, doc.filename)
  try {
    const { sha256 } = await storedSha256(key)
    return { id: doc.id, key, sha256, label: `"${doc.filename}"` }
  } catch {
    throw new InputProblem(`The file "${doc.filename}" is missing from storage; upload it again.`, {
      collection,
      id: doc.id,
    })
  }
}

/** Probes a stored file and checks it has the streams its collection needs. */
export async function probeChecked(
  key: string,
  collection: 'animations' | 'voice-tracks',
  label: string,
): Promise<ProbeResult> {
  let result: ProbeResult
  try {
    result = await mediaStore().withLocalFile(key, probe)
  } catch (error) {
    throw new InputProblem(`${label} cannot be read: ${(error as Error).message}`)
  }
  const problem = checkProbedStreams({
    collection,
    streams: result.streams,
    durationMs: result.durationMs,
  })
  if (problem) throw new InputProblem(`${label}: ${problem}`)
  return result
}

export function describeCaptionErrors(errors: { line: number; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => `line ${e.line}: ${e.message}`)
  return shown.join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '')
}
