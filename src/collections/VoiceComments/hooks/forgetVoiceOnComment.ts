import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A recording removed on its own (by an erasure) leaves its comment's typed words, if any,
 * without a reference to it. Written below the comment's hooks, which keep a comment's voice.
 */
export const forgetVoiceOnComment: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.updateMany({
    collection: 'comments',
    where: { voice: { equals: id } },
    data: { voice: null },
    req,
  })
}
