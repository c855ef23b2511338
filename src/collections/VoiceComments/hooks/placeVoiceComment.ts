import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/roles'
import { asRelationId } from '../../../domain/refs'
import type { VoiceComment } from '../../../payload-types'
import { anchorComment } from '../../../services/review/commentAnchor'

/**
 * Before the file is stored: the recording's author, and a script and line this person may
 * comment on, checked exactly as a typed comment is, so a refused one leaves no file behind.
 */
export const placeVoiceComment: CollectionBeforeChangeHook<VoiceComment> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const user = staffUser(req)
  if (!user) throw new APIError('Sign in to the studio to record a comment.', 401)
  const anchor = await anchorComment(req, { script: data.script, lineId: data.lineId })
  const durationMs = req.context.probedDurationMs
  return {
    ...data,
    script: anchor.script,
    lineId: anchor.lineId,
    author: asRelationId(user.id),
    durationMs: typeof durationMs === 'number' ? durationMs : null,
  }
}
