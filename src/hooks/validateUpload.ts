import fs from 'node:fs/promises'
import path from 'node:path'
import { APIError, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { throwIfFieldErrors } from './fieldErrors'
import { validateVtt } from '../domain/captions/validateVtt'
import { sniffMedia, SNIFF_BYTES } from '../domain/media/sniff'
import {
  checkFileName,
  checkProbedStreams,
  checkSize,
  checkSniffedType,
  DEFAULT_SIZE_LIMITS,
  isProbedCollection,
  type MediaCollection,
  type ProbedCollection,
} from '../domain/media/uploadRules'
import { probe } from '../lib/ffmpeg'
import { readHead } from '../lib/fs/readHead'
import { withTempDir } from '../lib/storage/derived'
import { refuseUploadWrite } from '../services/uploads/uploadPermission'

const LIMIT_ENV: Record<MediaCollection, string> = {
  animations: 'UPLOAD_LIMIT_ANIMATIONS',
  'voice-tracks': 'UPLOAD_LIMIT_VOICE_TRACKS',
  'voice-comments': 'UPLOAD_LIMIT_VOICE_COMMENTS',
  captions: 'UPLOAD_LIMIT_CAPTIONS',
  images: 'UPLOAD_LIMIT_IMAGES',
}

/** Per-collection byte limits, each overridable by environment (e.g. UPLOAD_LIMIT_CAPTIONS). */
export function uploadLimit(collection: MediaCollection): number {
  const configured = Number(process.env[LIMIT_ENV[collection]])
  return Number.isFinite(configured) && configured > 0
    ? configured
    : DEFAULT_SIZE_LIMITS[collection]
}

/** The largest per-collection limit: the request parser stops reading past it. */
export function largestUploadLimit(): number {
  return Math.max(...(Object.keys(LIMIT_ENV) as MediaCollection[]).map(uploadLimit))
}

type UploadedFile = NonNullable<PayloadRequest['file']> & {
  tempFilePath?: string
  truncated?: boolean
}

/**
 * Checks an upload before Payload stores anything: the name, the size, the real type from the
 * bytes, then ffprobe (media) or the WebVTT parser (captions). Failing here leaves no document
 * and no file behind, and the person gets a 400 naming the problem.
 */
export function validateUpload<T extends MediaCollection>(
  collection: T,
): CollectionBeforeOperationHook<T> {
  return async ({ args, operation, overrideAccess, req }) => {
    if (operation !== 'create' && operation !== 'update') return args
    const file = req.file as UploadedFile | undefined
    if (!file) return args
    // Payload runs access after this hook: check it first so nobody's file is probed for them.
    if (!overrideAccess) {
      const id = (args as { id?: number | string }).id
      const refusal = await refuseUploadWrite(
        req,
        operation === 'create'
          ? { collection, operation }
          : { collection, operation, id: id == null ? null : String(id) },
      )
      if (refusal) throw new APIError(refusal.message, refusal.status)
    }
    const { problem, durationMs } = await findUploadProblem(collection, file)
    throwIfFieldErrors(collection, problem ? [{ path: 'file', message: problem }] : [], req)
    // For collections that store the length they were probed at (voice comments).
    req.context.probedDurationMs = durationMs
    return args
  }
}

interface UploadVerdict {
  problem: string | null
  /** What ffprobe measured, for audio and video. */
  durationMs?: number | null
}

async function findUploadProblem(
  collection: MediaCollection,
  file: UploadedFile,
): Promise<UploadVerdict> {
  const problem = await findFileProblem(collection, file)
  if (problem || !isProbedCollection(collection)) return { problem }
  return probeUpload(collection, file)
}

async function findFileProblem(
  collection: MediaCollection,
  file: UploadedFile,
): Promise<string | null> {
  const nameProblem = checkFileName(file.name ?? '')
  if (nameProblem) return nameProblem
  const { size: stored, head } = await measure(file)
  const size = file.truncated ? Math.max(stored, file.size ?? 0) + 1 : stored
  const sizeProblem = checkSize({ collection, bytes: size, limit: uploadLimit(collection) })
  if (sizeProblem) return sizeProblem
  const sniffed = sniffMedia(head)
  const typeProblem = checkSniffedType({ collection, sniffed, fileName: file.name })
  if (typeProblem) return typeProblem

  if (collection === 'captions') {
    // The WebVTT parser needs the whole text; the size check above bounds it by the captions
    // limit (1 MiB by default), so this is the one upload read into memory.
    const bytes = file.tempFilePath ? await fs.readFile(file.tempFilePath) : file.data
    const { errors } = validateVtt({ bytes })
    if (errors.length === 0) return null
    const listed = errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`)
    return `"${file.name}" is not valid WebVTT. ${listed.join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`
  }
  return null
}

async function probeUpload(
  collection: ProbedCollection,
  file: UploadedFile,
): Promise<UploadVerdict> {
  return withTempDir('upload-probe', async (dir) => {
    const target = file.tempFilePath ?? path.join(dir, 'upload')
    if (!file.tempFilePath) await fs.writeFile(target, file.data)
    try {
      const probed = await probe(target)
      const streamProblem = checkProbedStreams({
        collection,
        streams: probed.streams,
        durationMs: probed.durationMs,
      })
      return {
        problem: streamProblem ? `"${file.name}": ${streamProblem}` : null,
        durationMs: probed.durationMs,
      }
    } catch {
      return {
        problem: `"${file.name}" cannot be read as media: it is damaged or incomplete (was the upload cut short?). Export it again and re-upload.`,
      }
    }
  })
}

/**
 * The size and first bytes of an upload. A streamed upload (useTempFiles) is measured on disk
 * and only its head is read: an animation may be 1 GiB, and the server must not hold it.
 */
async function measure(file: UploadedFile): Promise<{ size: number; head: Uint8Array }> {
  if (file.tempFilePath && !(file.data?.length > 0)) {
    const { size } = await fs.stat(file.tempFilePath)
    return { size, head: await readHead(file.tempFilePath, SNIFF_BYTES) }
  }
  const data = file.data ?? Buffer.alloc(0)
  return { size: data.length, head: data.subarray(0, SNIFF_BYTES) }
}
