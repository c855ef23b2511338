import type { Endpoint } from 'payload'

import { hasRole } from '../../../access/roles'
import { confirmMediaRequestOf } from '../../../domain/http/endpointBodies'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { jsonError } from '../../../lib/http/jsonError'
import type { Clip } from '../../../payload-types'
import { recordingSourceHash } from '../../../services/review/lineage'
import { LINEAGE_WRITE } from '../../../services/writeContext'

/**
 * POST /api/clips/:id/confirm-media { rowId } — a designer has listened and the recording
 * still matches the edited script: clear "stale" and record the current text as its source.
 */
export const confirmMediaEndpoint: Endpoint = {
  path: '/:id/confirm-media',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'admin', 'designer'))
      return jsonError(403, 'Only designers and admins can confirm that a recording still matches.')
    const body = await readJsonBody(req, confirmMediaRequestOf)
    if (!body.ok) return body.response
    const { rowId } = body.value
    const clip = await req.payload
      .findByID({
        collection: 'clips',
        id: String(req.routeParams?.id),
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
      })
      .catch(() => null)
    if (!clip) return jsonError(404, 'Clip not found.')
    const sourceHash = await recordingSourceHash(req, clip.id)
    let found = false
    const confirm = <T extends { id?: string | null; stale?: boolean | null }>(
      rows: T[] | null | undefined,
    ) =>
      (rows ?? []).map((row) => {
        if (row.id !== rowId) return row
        found = true
        return { ...row, stale: false, staleReason: null, recordedFrom: sourceHash }
      })
    const data = {
      voiceTracks: confirm(clip.voiceTracks),
      captions: confirm(clip.captions),
    } as Partial<Clip>
    if (!found)
      return jsonError(404, `Row ${rowId} is not one of this clip's voice tracks or caption files.`)
    await req.payload.update({
      collection: 'clips',
      id: clip.id,
      data,
      depth: 0,
      overrideAccess: true,
      req,
      context: LINEAGE_WRITE,
    })
    return Response.json({ message: 'Confirmed: the recording still matches the script.' })
  },
}
