import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { ROLE_LABELS, type Role } from '../../access/roles'
import type { AuditAction } from '../../domain/audit/auditActions'
import { defaultSummary } from '../../domain/audit/auditSummary'
import type { Id } from '../../domain/refs'

/** Who acted. Only the display name is ever recorded: for a co-producer it is their pseudonym. */
export interface AuditActor {
  id: Id
  displayName?: string | null
  role?: string | null
}

export interface AuditEntryInput {
  action: AuditAction
  entityCollection: string
  entityId: Id | null
  versionId?: Id | null
  /** Dotted field paths, never values (see src/domain/audit/changedPaths.ts). */
  changedFields?: string[]
  /**
   * What happened, without the actor ("approved version 12"): the actor's name and role are put
   * in front. Defaults to a sentence for the action ("created Script 4").
   */
  summary?: string
  /** Defaults to the request's signed-in studio user; null records the system. */
  actor?: AuditActor | null
  /** Who acted when nobody is signed in, e.g. "Client 192.0.2.7" for a sign-in attempt. */
  actorLabel?: string
  /** Sign-in events: where the attempt came from (src/lib/http/clientAddress.ts). */
  clientAddress?: string | null
  /** Sign-in events: a keyed hash of the email typed (src/lib/auth/subjectKey.ts), never the email. */
  subjectKey?: string | null
}

/**
 * Writes one audit entry. It passes `req`, so the entry joins the request's transaction: where
 * the database adapter runs transactions, a write that is rolled back takes its entry with it.
 *
 * A failure to write the entry is logged and rethrown, failing the request: a change that nobody
 * can account for is worse than a save the person has to retry. (SQLite as configured in
 * src/lib/config/database.ts runs without transactions, so there the document stays saved.)
 */
export async function recordAudit(
  payload: Payload,
  entry: AuditEntryInput,
  req?: PayloadRequest,
): Promise<{ id: Id }> {
  const actor = entry.actor === undefined ? actorOf(req) : entry.actor
  const anonymous = entry.actorLabel ?? 'System'
  const entity = entityLabel(payload, entry.entityCollection, entry.entityId)
  const what = entry.summary ?? defaultSummary(entry, entity)
  // A Local API create replaces req.file; the outer operation still needs its upload, at least
  // to delete the temp file after saving, so it is put back (see `finally`).
  const upload = req?.file
  try {
    const doc = await payload.create({
      collection: 'audit-log',
      data: {
        actor: actor ? (actor.id as number) : null,
        actorName: actor ? nameOf(actor) : (entry.actorLabel ?? 'system'),
        actorRole: actor?.role ?? null,
        action: entry.action,
        entityCollection: entry.entityCollection,
        entityId: entry.entityId == null ? null : String(entry.entityId),
        versionId:
          entry.versionId == null || entry.versionId === '' ? null : String(entry.versionId),
        changedFields: entry.changedFields ?? [],
        summary: `${actor ? `${nameOf(actor)} (${roleLabel(actor.role)})` : anonymous} ${what}`,
        clientAddress: entry.clientAddress ?? null,
        subjectKey: entry.subjectKey ?? null,
      },
      overrideAccess: true,
      // The id is all the caller needs; selecting one field keeps the actor unpopulated.
      select: { action: true },
      req,
    })
    return { id: doc.id }
  } catch (error) {
    payload.logger.error({
      err: error,
      msg: `Audit log: could not record "${entry.action}" of ${entity}; failing the request so the change is not left unrecorded.`,
    })
    throw error
  } finally {
    if (req) req.file = upload
  }
}

function actorOf(req: PayloadRequest | undefined): AuditActor | null {
  const user = req?.user as
    | { collection?: string; id?: Id; displayName?: string | null; role?: string | null }
    | null
    | undefined
  if (!user || user.collection !== 'users' || user.id == null) return null
  return { id: user.id, displayName: user.displayName, role: user.role }
}

/** The display name only: never a real name or an email, whatever else the user record holds. */
function nameOf(actor: AuditActor): string {
  return actor.displayName?.trim() || `User ${actor.id}`
}

function roleLabel(role: string | null | undefined): string {
  if (!role) return 'no role'
  return ROLE_LABELS[role as Role] ?? role
}

export function entityLabel(payload: Payload, slug: string, id: Id | null): string {
  const singular = payload.collections[slug as CollectionSlug]?.config.labels.singular
  const label = typeof singular === 'string' ? singular : slug
  return id == null ? label : `${label} ${id}`
}
