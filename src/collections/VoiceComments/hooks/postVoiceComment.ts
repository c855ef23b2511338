import type { CollectionAfterChangeHook } from 'payload'

import type { VoiceComment } from '../../../payload-types'

/**
 * Posts the comment a recording was made for, in the same request: it carries the typed note,
 * if any. Should that fail, the recording is removed too (the SQLite adapter has no transaction
 * to roll back), so there is never a voice without its comment.
 */
export const postVoiceComment: CollectionAfterChangeHook<VoiceComment> = async ({
  doc,
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return doc
  const note = typeof data.note === 'string' ? data.note.trim() : ''
  try {
    const comment = await req.payload.create({
      collection: 'comments',
      data: { script: doc.script, lineId: doc.lineId, body: note, voice: doc.id },
      // The comment's own hooks still check, as this person, that they may comment here.
      overrideAccess: true,
      req,
    })
    return { ...doc, comment: comment.id }
  } catch (error) {
    await req.payload
      .delete({ collection: 'voice-comments', id: doc.id, overrideAccess: true, req })
      .catch(() => undefined)
    throw error
  }
}
