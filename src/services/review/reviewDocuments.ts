import type { PayloadRequest } from 'payload'

import { idOf } from '../../domain/refs'
import { reviewMediaOf } from '../../domain/scripts/reviewMedia'
import type { ReviewDocuments } from '../../domain/scripts/reviewView'
import type { Comment, Script } from '../../payload-types'

/**
 * What the review view of a script shows, read as the signed-in person: its comments, versions,
 * the people who can review (display name and role only), its clip's title and what of it can
 * be played, and the exercises that use the clip.
 */
export async function loadReviewDocuments(
  req: PayloadRequest,
  script: Script,
): Promise<ReviewDocuments> {
  const { payload } = req
  const asUser = { overrideAccess: false, user: req.user, req } as const
  const clipId = idOf(script.clip)
  const [comments, versions, people, clip, exercises] = await Promise.all([
    payload
      .find({
        ...asUser,
        collection: 'comments',
        where: { script: { equals: script.id } },
        depth: 1,
        sort: 'createdAt',
        pagination: false,
      })
      .catch(() => ({ docs: [] as Comment[] })),
    payload.findVersions({
      ...asUser,
      collection: 'scripts',
      where: { parent: { equals: script.id } },
      sort: '-updatedAt',
      limit: 50,
      depth: 0,
      select: { updatedAt: true, status: true },
    }),
    payload.find({
      ...asUser,
      collection: 'users',
      where: { role: { in: ['coProducer', 'designer', 'admin'] } },
      depth: 0,
      pagination: false,
      select: { displayName: true, role: true },
    }),
    clipId != null
      ? payload
          .findByID({
            ...asUser,
            collection: 'clips',
            id: clipId,
            // Its voice tracks and accents, for the review to play; read as this person.
            depth: 1,
            select: { title: true, processing: true, voiceTracks: true },
          })
          .catch(() => null)
      : null,
    clipId != null
      ? payload
          .find({
            ...asUser,
            collection: 'exercises',
            where: { clip: { equals: clipId } },
            depth: 0,
            pagination: false,
          })
          .catch(() => ({ docs: [] }))
      : { docs: [] },
  ])
  return {
    script,
    comments: comments.docs,
    versions: versions.docs.map((v) => ({
      id: v.id,
      updatedAt: v.updatedAt,
      status: (v.version as { status?: string })?.status ?? null,
    })),
    people: people.docs,
    clipTitle: clip?.title ?? null,
    media: reviewMediaOf(clip),
    exercises: exercises.docs,
  }
}
