import { APIError, type CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/roles'
import { asRelationId, idOf, idText } from '../../../domain/refs'
import { linesOf } from '../../../domain/scripts/scriptDiff'
import type { Comment } from '../../../payload-types'
import { latestVersionId, readableScript } from '../../../services/review/context'

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
  const scriptId = idOf(data.script)
  if (scriptId == null) throw new APIError('A comment needs the script it is about.', 400)
  // The person must be able to read the script they comment on (co-producers: assigned only).
  const script = await readableScript(req, scriptId)
  if (!script) throw new APIError(`Script ${scriptId} was not found.`, 404)
  if (data.parent != null) {
    const parent = await req.payload.findByID({
      collection: 'comments',
      id: idOf(data.parent)!,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (idText(parent.script) !== String(scriptId))
      throw new APIError('A reply must be on the same script as the comment it answers.', 400)
    data.lineId = parent.lineId
  }
  if (data.lineId) {
    const line = linesOf(script).find((l) => l.lineId === data.lineId)
    if (!line) throw new APIError(`Line ${data.lineId} is not in this script.`, 400)
    data.quotedSpeaker = line.speaker
    data.quotedText = line.text
  }
  data.scriptVersion = await latestVersionId(req, script.id)
  return data
}
