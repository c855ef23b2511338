import { APIError, type PayloadRequest } from 'payload'

import { latestVersionId, readableScript } from './context'
import { asRelationId, idOf, idText } from '../../domain/refs'
import { linesOf } from '../../domain/scripts/scriptDiff'

export interface CommentAnchor {
  script: number
  lineId: string | null
  quotedSpeaker: string | null
  quotedText: string | null
  scriptVersion: string | null
}

/**
 * Where a new comment (typed or spoken) belongs: a script the person may read (co-producers:
 * assigned only), one of its lines or the whole script, and the words as they were when it was
 * made, so it still reads right after the line is edited. A reply takes its parent's line.
 */
export async function anchorComment(
  req: PayloadRequest,
  target: { script?: unknown; lineId?: string | null; parent?: unknown },
): Promise<CommentAnchor> {
  const scriptId = idOf(target.script)
  if (scriptId == null) throw new APIError('A comment needs the script it is about.', 400)
  const script = await readableScript(req, scriptId)
  if (!script) throw new APIError(`Script ${scriptId} was not found.`, 404)
  let lineId = target.lineId || null
  if (target.parent != null) {
    const parent = await req.payload
      .findByID({
        collection: 'comments',
        id: idOf(target.parent)!,
        depth: 0,
        overrideAccess: true,
        req,
      })
      .catch(() => null)
    if (!parent || idText(parent.script) !== String(scriptId))
      throw new APIError('A reply must be on the same script as the comment it answers.', 400)
    lineId = parent.lineId ?? null
  }
  let quoted: Pick<CommentAnchor, 'quotedSpeaker' | 'quotedText'> = {
    quotedSpeaker: null,
    quotedText: null,
  }
  if (lineId) {
    const line = linesOf(script).find((l) => l.lineId === lineId)
    if (!line) throw new APIError(`Line ${lineId} is not in this script.`, 400)
    quoted = { quotedSpeaker: line.speaker, quotedText: line.text }
  }
  return {
    script: asRelationId(script.id),
    lineId,
    ...quoted,
    scriptVersion: (await latestVersionId(req, script.id)) || null,
  }
}
