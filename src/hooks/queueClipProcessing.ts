import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Clip } from '../payload-types'
import {
  type ClipMediaField,
  forgetQueuedClipJobs,
  mediaSignature,
  queueClipJob,
  queueClipsUsingMediaFile,
} from '../services/media/queueClipJob'

/** Queues processing when a clip's media changes; a title edit queues nothing. */
export const queueClipProcessing: CollectionAfterChangeHook<Clip> = async ({
  doc,
  previousDoc,
  req,
  context,
}) => {
  if (context.skipMediaQueue) return doc
  const changed = mediaSignature(doc) !== mediaSignature(previousDoc)
  const neverProcessed = !doc.processing?.status
  if ((changed || neverProcessed) && doc.animation != null)
    await queueClipJob(req.payload, doc.id, req)
  return doc
}

/** A replaced animation, voice or caption file re-processes every clip that uses it. */
export function queueClipsUsingMedia(field: ClipMediaField): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req, context }) => {
    if (context.skipMediaQueue || operation !== 'update') return doc
    const fileChanged =
      doc.filename !== previousDoc?.filename || doc.filesize !== previousDoc?.filesize
    if (!fileChanged) return doc
    await queueClipsUsingMediaFile(req.payload, field, doc.id, req)
    return doc
  }
}

/** A deleted clip takes its queued jobs with it. */
export const forgetClipJobs: CollectionAfterDeleteHook<Clip> = async ({ id, req }) => {
  await forgetQueuedClipJobs(req.payload, id, req)
}
