import type { PayloadRequest } from 'payload'

import { scriptContentHash } from './context'
import { idText } from '../../domain/refs'
import type { Clip, Script } from '../../payload-types'
import { LINEAGE_WRITE } from '../writeContext'

type MediaRow = {
  id?: string | null
  track?: unknown
  recordedFrom?: string | null
  stale?: boolean | null
  staleReason?: string | null
}

/** The text a recording is made from: the approved version if there is one, else the current. */
export async function recordingSourceHash(
  req: PayloadRequest,
  clipId: number | string,
): Promise<string | null> {
  const scripts = await req.payload.find({
    collection: 'scripts',
    where: { clip: { equals: clipId } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
    draft: true,
  })
  const script = scripts.docs[0]
  if (!script) return null
  return script.status === 'approved' && script.approvedContentHash
    ? script.approvedContentHash
    : scriptContentHash(script)
}

/**
 * New or replaced recordings are stamped with the script text they were made from, and are not
 * stale; untouched rows keep their lineage.
 */
export function stampRecordings<T extends MediaRow>(
  rows: T[] | null | undefined,
  previous: T[] | null | undefined,
  sourceHash: string | null,
): T[] | null | undefined {
  if (!rows) return rows
  const before = new Map((previous ?? []).map((row) => [row.id, row]))
  return rows.map((row) => {
    const old = row.id ? before.get(row.id) : undefined
    if (old && idText(old.track) === idText(row.track)) {
      return {
        ...row,
        recordedFrom: old.recordedFrom ?? null,
        stale: old.stale ?? false,
        staleReason: old.staleReason ?? null,
      }
    }
    return { ...row, recordedFrom: sourceHash, stale: false, staleReason: null }
  })
}

/** Marks the clip's voice tracks and captions recorded from `fromHash` as stale. */
export async function markRecordedMediaStale(input: {
  req: PayloadRequest
  script: Script
  fromHash: string
}): Promise<void> {
  const { req, script } = input
  const clipId = idText(script.clip)
  if (!clipId) return
  const clip = await req.payload.findByID({
    collection: 'clips',
    id: clipId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!clip) return
  const reason = `The script was edited after approval (${new Date().toISOString().slice(0, 10)}); re-record, replace, or confirm it still matches.`
  const mark = <T extends MediaRow>(rows: T[] | null | undefined) =>
    (rows ?? []).map((row) =>
      // Recordings with no known source (attached before the script existed) are assumed to
      // follow the approved text: flagging them is safer than missing a mismatch.
      row.recordedFrom === input.fromHash || row.recordedFrom == null
        ? { ...row, stale: true, staleReason: reason }
        : row,
    )
  await req.payload.update({
    collection: 'clips',
    id: clip.id,
    data: { voiceTracks: mark(clip.voiceTracks), captions: mark(clip.captions) } as Partial<Clip>,
    depth: 0,
    overrideAccess: true,
    req,
    context: LINEAGE_WRITE,
  })
}
