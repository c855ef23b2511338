import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/roles'
import { asRelationId, idText } from '../../../domain/refs'
import type { Comment } from '../../../payload-types'
import { anchorComment as anchorOf } from '../../../services/review/commentAnchor'

/**
 * Ties a new comment to its author and to the script text it was made on (version, speaker,
 * words), so it still reads right after the line is edited. Later edits may change only the
 * body and the resolved flag.
 */
export const anchorComment: CollectionBeforeChangeHook<Comment> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const user = staffUser(req)
  if (operation === 'update') {
    // A comment stays where it was made: only its words and resolved flag can change.
    data.script = originalDoc?.script
    data.lineId = originalDoc?.lineId
    data.parent = originalDoc?.parent
    data.voice = originalDoc?.voice
    if (data.resolved !== undefined && data.resolved !== originalDoc?.resolved) {
      data.resolvedBy = data.resolved && user ? asRelationId(user.id) : null
    }
    if (
      data.body !== undefined &&
      data.body !== originalDoc?.body &&
      user &&
      user.role !== 'admin'
    ) {
      if (idText(originalDoc?.author) !== String(user.id)) {
        throw new APIError('Only the author of a comment can change its words.', 403)
      }
    }
    return data
  }
  if (!user) return data
  data.author = asRelationId(user.id)
  const anchor = await anchorOf(req, data)
  return { ...data, ...anchor }
}
