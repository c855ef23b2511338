import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import {
  APIError,
  FileUploadError,
  type AfterErrorHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type CollectionConfig,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'

import { claimUploadName, releaseUploadName, releaseUploadNameOnError } from './uploadNames'
import { checkRoom, describeUploadFault, type StorageFault } from '../domain/storage/storageFault'
import { storageStateOf } from '../lib/storage/diskSpace'

/** Seconds a client is asked to wait before trying an upload again after a storage fault. */
export const UPLOAD_RETRY_AFTER_SECONDS = 300

/**
 * The studio's disk is full or read-only: not the uploader's fault, and it passes, so 503 with
 * Retry-After rather than a 4xx (see README, "Disk faults").
 */
export class StorageUnavailable extends APIError {
  constructor(fault: StorageFault | 'writeFailed') {
    super(describeUploadFault(fault), 503, undefined, true)
    this.name = 'StorageUnavailable'
  }
}

/**
 * Gives an upload collection a clear answer to a full or read-only disk, and no leftovers:
 * - before Payload touches the disk, the upload folder must be writable and have room for the
 *   uploaded file (Payload deletes a replaced file before writing its successor, so failing
 *   early keeps the old one);
 * - if writing still fails (the disk filled meanwhile, or an image's resized copies do not fit),
 *   the files this request created are removed and the answer is 503 naming the cause, instead
 *   of Payload's 400 "There was a problem while uploading the file". No document is left:
 *   Payload rolls the request's transaction back.
 */
export function guardUploadStorage<T extends CollectionConfig>(collection: T): T {
  const staticDir = typeof collection.upload === 'object' ? collection.upload.staticDir : undefined
  if (!staticDir) return collection
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [
        ...(hooks.beforeOperation ?? []),
        ensureRoomFor(staticDir),
        claimUploadName(staticDir),
      ],
      beforeValidate: [...(hooks.beforeValidate ?? []), noteNewFiles(staticDir)],
      afterOperation: [...(hooks.afterOperation ?? []), releaseUploadName],
      afterError: [
        ...(hooks.afterError ?? []),
        removeNewFiles(staticDir),
        releaseUploadNameOnError,
      ],
    },
  }
}

/** The files a request is about to create, their bytes, and the name the document gets. */
const newFiles = new WeakMap<
  PayloadRequest,
  { filename: string; files: Set<string>; bytes: number }
>()

function ensureRoomFor(staticDir: string): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if ((operation !== 'create' && operation !== 'update') || !req.file) return args
    const neededBytes = req.file.size || req.file.data?.length || 0
    const state = await storageStateOf(staticDir)
    const fault = checkRoom({ ...state, neededBytes, neededFiles: 1 })
    if (fault) {
      req.payload.logger.error({ msg: `Upload refused: ${staticDir} is ${fault}.` })
      setRetryAfter(req)
      throw new StorageUnavailable(fault)
    }
    return args
  }
}

/** Runs once Payload has named the files (the upload and an image's sizes), before it writes them. */
function noteNewFiles(staticDir: string): CollectionBeforeValidateHook {
  return ({ data, req }) => {
    if (!req.file || !data?.filename) return data
    const sizes = Object.values(
      (data.sizes ?? {}) as Record<string, { filename?: string | null; filesize?: number | null }>,
    )
    const planned = { filename: data.filename as string, files: new Set<string>(), bytes: 0 }
    for (const { filename, filesize } of [data, ...sizes]) {
      if (!filename) continue
      const file = path.join(staticDir, filename)
      // Only files that do not exist yet: never delete one this request did not create.
      if (fs.existsSync(file)) continue
      planned.files.add(file)
      planned.bytes += filesize ?? 0
    }
    newFiles.set(req, planned)
    return data
  }
}

function removeNewFiles(staticDir: string): AfterErrorHook {
  return async ({ collection, error, req }) => {
    const planned = newFiles.get(req)
    if (!planned?.files.size || !collection) return
    newFiles.delete(req)
    // The SQLite adapter runs without transactions, so a request that failed late (in an
    // afterChange hook, say) may have stored its document after all: its files then stay.
    const stored = await req.payload.count({
      collection: collection.slug as CollectionSlug,
      where: { filename: { equals: planned.filename } },
      overrideAccess: true,
    })
    if (stored.totalDocs > 0) return
    // Payload writes an upload's files in parallel and fails on the first error; by the time the
    // error reaches this hook the others have opened their files, so removing the names is enough.
    await Promise.all([...planned.files].map((file) => fsp.rm(file, { force: true })))
    // Past the naming step a FileUploadError can only come from writing the files.
    if (!(error instanceof FileUploadError)) return
    const state = await storageStateOf(staticDir)
    const fault =
      checkRoom({ ...state, neededBytes: planned.bytes, neededFiles: planned.files.size }) ??
      'writeFailed'
    req.payload.logger.error({
      msg: `Upload to ${staticDir} could not be written (${fault}); the files it began were removed.`,
    })
    setRetryAfter(req)
    return { response: { errors: [{ message: describeUploadFault(fault) }] }, status: 503 }
  }
}

function setRetryAfter(req: PayloadRequest): void {
  req.responseHeaders = new Headers(req.responseHeaders)
  req.responseHeaders.set('Retry-After', String(UPLOAD_RETRY_AFTER_SECONDS))
}
