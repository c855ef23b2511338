import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A script's comments, typed and spoken, are about it and nothing else: they go with it (each
 * comment takes its recording and file along), so the delete neither fails on them nor leaves
 * a recording of someone's voice attached to nothing.
 */
export const deleteConversation: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'comments',
    where: { script: { equals: id } },
    overrideAccess: true,
    req,
  })
  await req.payload.delete({
    collection: 'voice-comments',
    where: { script: { equals: id } },
    overrideAccess: true,
    req,
  })
}
