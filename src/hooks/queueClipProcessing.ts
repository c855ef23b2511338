import type { CollectionAfterChangeHook, Payload, PayloadRequest } from 'payload'

import { MEDIA_QUEUE } from '../jobs/processClipMedia/task'
import type { Clip } from '../payload-types'
import { idOf, type Id } from '../domain/refs'

/** The media a clip is made of, as ids: a change here means new processing is needed. */
export function mediaSignature(clip: Partial<Clip> | undefined): string {
  if (!clip) return ''
  return JSON.stringify({
    animation: idOf(clip.animation),
    voices: (clip.voiceTracks ?? []).map((v) => [idOf(v.accent), idOf(v.track)]),
    captions: (clip.captions ?? []).map((c) => [c.locale, idOf(c.track)]),
  })
}

/**
 * Queues processing and shows "queued" at once, inside the saving request's transaction. A
 * nested Local API call replaces `req.file`; the outer upload still needs it (its temp file is
 * deleted after saving), so it is put back.
 */
export async function queueClipJob(
  payload: Payload,
  clipId: Id,
  req?: PayloadRequest,
): Promise<void> {
  const upload = req?.file
  try {
    await payload.jobs.queue({
      task: 'processClipMedia',
      queue: MEDIA_QUEUE,
      input: { clipId: String(clipId) },
      req,
    })
    await payload.update({
      collection: 'clips',
      id: clipId,
      data: { processing: { status: 'queued', reason: null, progress: 0 } },
      overrideAccess: true,
      depth: 0,
      req,
      context: { skipMediaQueue: true, skipAudit: true },
    })
  } finally {
    if (req) req.file = upload
  }
}

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
export function queueClipsUsingMedia(
  field: 'animation' | 'voiceTracks.track' | 'captions.track',
): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req, context }) => {
    if (context.skipMediaQueue || operation !== 'update') return doc
    const fileChanged =
      doc.filename !== previousDoc?.filename || doc.filesize !== previousDoc?.filesize
    if (!fileChanged) return doc
    const clips = await req.payload.find({
      collection: 'clips',
      where: { [field]: { equals: doc.id } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { slug: true },
    })
    for (const clip of clips.docs) await queueClipJob(req.payload, clip.id, req)
    return doc
  }
}
