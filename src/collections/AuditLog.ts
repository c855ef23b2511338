import { APIError } from 'payload'
import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
} from 'payload'

import { adminsOnly } from '../access/predicates'
import { ACTION_LABELS, AUDIT_ACTIONS } from '../domain/audit/auditActions'

const APPEND_ONLY =
  'Audit log entries cannot be changed or deleted: the log is append-only, for everyone.'

/** Even a trusted Local API call (overrideAccess: true) cannot rewrite history. */
const refuseUpdates: CollectionBeforeChangeHook = ({ operation, data }) => {
  if (operation === 'update') throw new APIError(APPEND_ONLY, 403, null, true)
  return data
}

const refuseDeletes: CollectionBeforeDeleteHook = () => {
  throw new APIError(APPEND_ONLY, 403, null, true)
}

/**
 * Who did what, and when (`createdAt`). Written only by the audit hooks (src/hooks/auditLog.ts)
 * with overrideAccess: true; no API creates, changes or deletes an entry. Only admins read it.
 * Entries never hold a co-producer's real name or email: the actor is named by display name,
 * which for a co-producer is their pseudonym, and changes are recorded as field paths, not values.
 * A sign-in attempt names its account by id and keeps the email typed only as a keyed hash.
 */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: 'audit-log',
  labels: { singular: 'Audit log entry', plural: 'Audit log' },
  graphQL: { singularName: 'AuditLog', pluralName: 'AuditLogs' },
  admin: {
    group: 'Studio',
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'actorName', 'action', 'entityCollection', 'entityId', 'summary'],
    listSearchableFields: ['summary', 'actorName', 'entityId'],
    pagination: { defaultLimit: 50 },
    description:
      'Every create, change, delete, review step, comment and sign-in, failed sign-ins, throttles and unlocks, newest first. Read-only.',
    hidden: ({ user }) => (user as { role?: string } | null)?.role !== 'admin',
  },
  defaultSort: '-createdAt',
  disableDuplicate: true,
  lockDocuments: false,
  timestamps: true,
  access: {
    read: adminsOnly,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  hooks: {
    beforeChange: [refuseUpdates],
    beforeDelete: [refuseDeletes],
  },
  fields: [
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      admin: { description: 'Empty for system work (seeding, media jobs).' },
    },
    {
      name: 'actorName',
      label: 'Who',
      type: 'text',
      admin: {
        description: "The actor's display name at the time: a co-producer's pseudonym.",
      },
    },
    { name: 'actorRole', label: 'Role', type: 'text' },
    {
      name: 'action',
      type: 'select',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
    },
    { name: 'entityCollection', label: 'Collection', type: 'text', index: true },
    { name: 'entityId', label: 'Document id', type: 'text', index: true },
    {
      name: 'versionId',
      label: 'Version id',
      type: 'text',
      admin: { description: 'The version saved by this change, for collections with versions.' },
    },
    {
      name: 'changedFields',
      label: 'Changed fields',
      type: 'json',
      admin: {
        description: 'Field paths, e.g. scenes.0.lines.1.text. Never the values.',
        // As text: Payload's JSON editor loads Monaco from a CDN.
        components: { Field: '/admin/components/ReadOnlyJson#ReadOnlyJson' },
      },
    },
    { name: 'summary', type: 'text' },
    {
      name: 'clientAddress',
      label: 'Client address',
      type: 'text',
      index: true,
      admin: { description: 'Sign-ins: where the attempt came from (see TRUST_PROXY).' },
    },
    {
      name: 'subjectKey',
      label: 'Sign-in identifier',
      type: 'text',
      index: true,
      admin: {
        description:
          'Sign-ins: a keyed hash of the email typed, the same for every attempt on that email. The email itself is never recorded.',
      },
    },
  ],
}
