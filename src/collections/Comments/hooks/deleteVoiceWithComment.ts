import type { CollectionAfterDeleteHook } from 'payload'

import { idOf } from '../../../domain/refs'
import type { Comment } from '../../../payload-types'

/** A recording lives as long as the comment it was made for; its file goes with it. */
export const deleteVoiceWithComment: CollectionAfterDeleteHook<Comment> = async ({ doc, req }) => {
  const voice = idOf(doc.voice)
  if (voice == null) return
  await req.payload.delete({ collection: 'voice-comments', id: voice, overrideAccess: true, req })
}
