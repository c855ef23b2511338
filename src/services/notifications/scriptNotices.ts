import type { PayloadRequest } from 'payload'

import { recordNotices } from './recordNotices'
import { staffUser } from '../../access/roles'
import {
  recipientsOf,
  scriptNotices,
  type ScriptChange,
  type ScriptPeople,
} from '../../domain/notifications/whenToNotify'
import { idText, type IdText } from '../../domain/refs'
import type { Script } from '../../payload-types'

const TEXT_FIELDS = ['title', 'characters', 'scenes']

export const scriptPeople = (script: Script): ScriptPeople => ({
  status: script.status ?? 'draft',
  reviewers: (script.reviewers ?? []).map(idText),
  approvers: (script.approvals ?? []).map((approval) => idText(approval.user)),
})

/** Records the notices a change to a script calls for (src/domain/notifications/whenToNotify). */
export async function recordScriptNotices(
  req: PayloadRequest,
  input: { before: Script | null; after: Script; reopened: boolean },
): Promise<void> {
  const change: ScriptChange = {
    before: input.before ? scriptPeople(input.before) : null,
    after: scriptPeople(input.after),
    reopened: input.reopened,
  }
  const notices = scriptNotices(change)
  if (notices.length === 0) return
  const actor = staffUser(req)
  const needsEditors = notices.some((n) => n.audiences.includes('editors'))
  const editors = needsEditors ? await scriptEditors(req, [input.after.id]) : []
  for (const notice of notices) {
    await recordNotices(req, recipientsOf(notice, change, editors, actor ? idText(actor) : null), {
      kind: notice.kind,
      actorName: actor ? ((req.user as { displayName?: string }).displayName ?? null) : null,
      scriptTitle: input.after.title,
      // The review tab: where a reviewer reads, hears and answers it (the edit view is a form).
      link: `${req.payload.config.serverURL}/admin/collections/scripts/${input.after.id}/review`,
    })
  }
}

/**
 * Who wrote these scripts' text, from the audit log: people who created them or changed their
 * title, characters or lines (a review action alone makes nobody an editor).
 */
export async function scriptEditors(
  req: PayloadRequest,
  scriptIds: (number | string)[],
): Promise<IdText[]> {
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: {
      and: [
        { entityCollection: { equals: 'scripts' } },
        { entityId: { in: scriptIds.map(String) } },
        { action: { in: ['create', 'update'] } },
        { actor: { exists: true } },
      ],
    },
    select: { actor: true, action: true, changedFields: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const editors = new Set<IdText>()
  for (const entry of docs) {
    const fields = Array.isArray(entry.changedFields) ? (entry.changedFields as string[]) : []
    const wroteText =
      entry.action === 'create' ||
      fields.some((path) => TEXT_FIELDS.includes(String(path).split('.')[0]))
    if (wroteText && entry.actor) editors.add(idText(entry.actor))
  }
  return [...editors]
}
