import type { CollectionBeforeChangeHook } from 'payload'

import type { Clip } from '../../../payload-types'
import { recordingSourceHash, stampRecordings } from '../../../services/review/lineage'

/**
 * Records which script text each voice track and caption file was made from, so an edit to
 * approved text can mark exactly those recordings stale. `hasStaleMedia` feeds the clips list.
 */
export const stampMediaLineage: CollectionBeforeChangeHook<Clip> = async ({
  data,
  originalDoc,
  req,
  context,
}) => {
  if (!context.keepLineage && originalDoc?.id != null) {
    const sourceHash = await recordingSourceHash(req, originalDoc.id)
    if (data.voiceTracks)
      data.voiceTracks = stampRecordings(data.voiceTracks, originalDoc.voiceTracks, sourceHash)
    if (data.captions)
      data.captions = stampRecordings(data.captions, originalDoc.captions, sourceHash)
  }
  const rows = [
    ...(data.voiceTracks ?? originalDoc?.voiceTracks ?? []),
    ...(data.captions ?? originalDoc?.captions ?? []),
  ]
  data.hasStaleMedia = rows.some((row) => row.stale === true)
  return data
}
