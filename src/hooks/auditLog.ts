import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterLoginHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  PayloadRequest,
  RequestContext,
  SanitizedCollectionConfig,
} from 'payload'

import { topLevel } from '../domain/audit/auditSummary'
import { changedPaths, comparePaths } from '../domain/audit/changedPaths'
import type { Id } from '../domain/refs'
import { clientAddressOf } from '../lib/http/clientAddress'
import { entityLabel, recordAudit } from '../services/audit/recordAudit'

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

function shouldSkip(req: PayloadRequest, context: RequestContext): boolean {
  return context?.skipAudit === true && !req.user
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
