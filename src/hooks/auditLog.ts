import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLoginHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  Payload,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { ROLE_LABELS, type Role } from '../access/roles'
import type { AuditAction } from '../collections/AuditLog'
import { changedPaths, comparePaths } from '../domain/audit/changedPaths'
import { clientAddressOf } from '../lib/http/clientAddress'

type Id = number | string

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

/** Collections whose status field gets its own `statusChange` entry when it moves. */
const STATUS_FIELDS: Partial<Record<string, string>> = { scripts: 'status' }

/** Auth and upload fields that are bookkeeping or derived, not something a person changed. */
const AUTH_NOISE = [
  'collection',
  '_strategy',
  'sessions',
  'hash',
  'salt',
  'loginAttempts',
  'lockUntil',
  'resetPasswordToken',
  'resetPasswordExpiration',
  '_verificationToken',
]
const UPLOAD_NOISE = ['url', 'thumbnailURL']

const MAX_FIELDS_IN_SUMMARY = 6

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

/**
 * The collection with audit hooks added after its own: creates, updates (with the changed field
 * paths and, with versions, the version saved), deletes, status moves (a second `statusChange`
 * entry, scripts only) and, for users, sign-ins. A new comment is a `comment`; editing one (its
 * words, resolving it) is an `update`.
 *
 * `context.skipAudit: true` skips the entry, but only for system writes (no `req.user`), and is
 * meant only for high-frequency bookkeeping such as media job progress. A person's change is
 * always recorded, whatever the context says.
 */
export function auditCollection<T extends CollectionConfig>(collection: T): T {
  const hooks = collection.hooks ?? {}
  const isUsers = collection.slug === 'users'
  return {
    ...collection,
    hooks: {
      ...hooks,
      ...(collection.auth
        ? { beforeChange: [...(hooks.beforeChange ?? []), notePasswordChange] }
        : {}),
      afterChange: [...(hooks.afterChange ?? []), auditChange],
      afterDelete: [...(hooks.afterDelete ?? []), auditDelete],
      ...(isUsers ? { afterLogin: [...(hooks.afterLogin ?? []), auditLogin] } : {}),
    },
  }
}

const auditChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (shouldSkip(req, context)) return doc
  const slug = collection.slug
  const paths = changedPaths(previousDoc, doc, {
    partialAfter: true,
    ignore: noiseOf(collection),
  })
  if (passwordChanges.get(req)?.has(String(doc.id))) paths.push('password')
  paths.sort(comparePaths)
  const versionId = collection.versions ? await newestVersionId(req, slug, doc.id) : null
  await recordAudit(
    req.payload,
    {
      action: slug === 'comments' && operation === 'create' ? 'comment' : operation,
      entityCollection: slug,
      entityId: doc.id,
      versionId,
      // A new document lists the fields it was given, not every row and line inside them.
      changedFields: operation === 'create' ? topLevel(paths) : paths,
    },
    req,
  )

  const statusField = STATUS_FIELDS[slug]
  if (operation === 'update' && statusField && paths.includes(statusField)) {
    const from = String(previousDoc?.[statusField] ?? 'none')
    const to = String(doc[statusField] ?? 'none')
    await recordAudit(
      req.payload,
      {
        action: 'statusChange',
        entityCollection: slug,
        entityId: doc.id,
        versionId,
        changedFields: [statusField],
        summary: `changed ${statusField} ${from} → ${to} in ${entityLabel(req.payload, slug, doc.id)}`,
      },
      req,
    )
  }
  return doc
}

const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req, context }) => {
  if (shouldSkip(req, context)) return doc
  await recordAudit(
    req.payload,
    { action: 'delete', entityCollection: collection.slug, entityId: doc?.id ?? id },
    req,
  )
  return doc
}

const auditLogin: CollectionAfterLoginHook = async ({ collection, req, user }) => {
  await recordAudit(
    req.payload,
    {
      action: 'login',
      entityCollection: collection.slug,
      entityId: user.id,
      actor: { id: user.id, displayName: user.displayName, role: user.role },
      clientAddress: clientAddressOf(req.headers),
    },
    req,
  )
  return user
}

// Payload removes the new password from `data` before afterChange, so it is noted on the way in.
const passwordChanges = new WeakMap<object, Set<string>>()

const notePasswordChange: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && typeof data?.password === 'string' && data.password !== '') {
    const ids = passwordChanges.get(req) ?? new Set<string>()
    ids.add(String(originalDoc?.id))
    passwordChanges.set(req, ids)
  }
  return data
}

function shouldSkip(req: PayloadRequest, context: Record<string, unknown>): boolean {
  return context?.skipAudit === true && !req.user
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

function defaultSummary(entry: AuditEntryInput, entity: string): string {
  const fields = entry.changedFields ?? []
  switch (entry.action) {
    case 'create':
      return `created ${entity}`
    case 'update':
      return fields.length
        ? `changed ${listFields(fields)} in ${entity}`
        : `saved ${entity} without changes`
    case 'delete':
      return `deleted ${entity}`
    case 'statusChange':
      return `changed the status of ${entity}`
    case 'approval':
      return `approved ${entity}`
    case 'comment':
      return `commented (${entity})`
    case 'login':
      return 'signed in'
    case 'loginFailed':
      return `failed to sign in to ${entity}`
    case 'loginThrottled':
      return `was throttled signing in to ${entity}`
    case 'unlock':
      return `unlocked ${entity}`
  }
}

function listFields(fields: string[]): string {
  const shown = fields.slice(0, MAX_FIELDS_IN_SUMMARY).join(', ')
  const more = fields.length - MAX_FIELDS_IN_SUMMARY
  return more > 0 ? `${shown} and ${more} more` : shown
}

function topLevel(paths: string[]): string[] {
  return [...new Set(paths.map((path) => path.split('.')[0]))]
}

async function newestVersionId(req: PayloadRequest, slug: string, id: Id): Promise<Id | null> {
  const versions = await req.payload.findVersions({
    collection: slug as CollectionSlug,
    where: { parent: { equals: id } },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return versions.docs[0]?.id ?? null
}

// Join and virtual fields are read from other documents or computed: never this save's change.
const noiseByCollection = new WeakMap<SanitizedCollectionConfig, string[]>()

function noiseOf(collection: SanitizedCollectionConfig): string[] {
  const cached = noiseByCollection.get(collection)
  if (cached) return cached
  const noise = collection.flattenedFields
    .filter((field) => field.type === 'join' || ('virtual' in field && field.virtual))
    .map((field) => field.name)
  if (collection.auth) noise.push(...AUTH_NOISE)
  if (collection.upload) noise.push(...UPLOAD_NOISE)
  noiseByCollection.set(collection, noise)
  return noise
}
