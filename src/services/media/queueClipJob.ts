import type { Payload, PayloadRequest } from 'payload'

import { idOf, type Id } from '../../domain/refs'
import { MEDIA_QUEUE } from '../../jobs/queues'
import type { Clip } from '../../payload-types'
import { SYSTEM_MEDIA_WRITE } from '../writeContext'

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
      context: SYSTEM_MEDIA_WRITE,
    })
  } finally {
    if (req) req.file = upload
  }
}

export type ClipMediaField = 'animation' | 'voiceTracks.track' | 'captions.track'

/** Re-processes every clip whose `field` uses the media file `mediaId`. */
export async function queueClipsUsingMediaFile(
  payload: Payload,
  field: ClipMediaField,
  mediaId: Id,
  req?: PayloadRequest,
): Promise<void> {
  const clips = await payload.find({
    collection: 'clips',
    where: { [field]: { equals: mediaId } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { slug: true },
  })
  for (const clip of clips.docs) await queueClipJob(payload, clip.id, req)
}

/**
 * A deleted clip's jobs that have not started go with it: left behind, they would run for
 * nothing, or, once the database reuses the id, for another clip. A running job finds the clip
 * gone and ends.
 */
export async function forgetQueuedClipJobs(
  payload: Payload,
  clipId: Id,
  req?: PayloadRequest,
): Promise<void> {
  await payload.delete({
    collection: 'payload-jobs',
    where: {
      and: [
        { concurrencyKey: { equals: clipJobKey(clipId) } },
        { processing: { equals: false } },
        { completedAt: { equals: null } },
      ],
    },
    overrideAccess: true,
    req,
  })
}

/** The key every job of one clip shares (one runs at a time; see jobs/processClipMedia/task). */
export const clipJobKey = (clipId: Id | string): string => `clip:${clipId}`
