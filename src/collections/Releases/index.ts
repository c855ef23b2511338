import type { CollectionConfig } from 'payload'

import { releaseEndpoints } from './endpoints'
import { keepPublishedReleasesImmutable, refuseDeletingPublished } from './hooks/immutable'
import { notifyPublished } from './hooks/notifyPublished'
import { validateReleaseVersion } from './hooks/validateVersion'
import { hasRole, staffUser } from '../../access/roles'
import { RELEASE_OUTPUT } from '../../domain/releases/releaseOutputSchema'
import {
  BUILD_PROGRESS,
  FROZEN_RELEASE,
  RELEASE_CONTRIBUTIONS,
  RELEASE_PREFLIGHT,
} from '../../domain/releases/releaseRecordSchemas'
import { DEFAULT_LOCALE, LOCALES, RELEASE_STATUSES } from '../../domain/vocabulary'
import { invalidateDeliveryCatalog } from '../../services/delivery/deliveryCatalog'

const systemOnly = { create: () => false, update: () => false }
// Shown read-only once a build has started; the immutability hook refuses the change anyway.
const whileDraft = {
  update: ({ doc }: { doc?: { status?: string } }) =>
    !doc || doc.status === 'draft' || doc.status === 'failed',
}
const publishers = ({ req }: { req: Parameters<typeof hasRole>[0] }) =>
  hasRole(req, 'admin', 'publisher')

/**
 * A released version of a toolkit: signed manifests and bundles that delivery apps download.
 * Published releases never change; they can only be withdrawn.
 */
/** Shown as text: Payload's JSON editor loads Monaco from a CDN. */
const READ_ONLY_JSON = '/admin/components/ReadOnlyJson#ReadOnlyJson'

export const Releases: CollectionConfig<'releases'> = {
  slug: 'releases',
  admin: {
    useAsTitle: 'version',
    group: 'Releases',
    defaultColumns: ['toolkit', 'version', 'status', 'publishedAt', 'publishedBy'],
  },
  access: {
    read: ({ req }) => {
      const user = staffUser(req)
      return user !== null && user.role !== 'coProducer'
    },
    create: publishers,
    update: publishers,
    delete: publishers,
  },
  hooks: {
    beforeValidate: [validateReleaseVersion],
    beforeChange: [keepPublishedReleasesImmutable],
    beforeDelete: [refuseDeletingPublished],
    // Delivery answers from an in-memory catalog of published releases.
    afterChange: [() => invalidateDeliveryCatalog(), notifyPublished],
    afterDelete: [() => invalidateDeliveryCatalog()],
  },
  endpoints: releaseEndpoints,
  fields: [
    {
      name: 'releasePanel',
      type: 'ui',
      admin: { components: { Field: '/admin/components/ReleasePanel#ReleasePanel' } },
    },
    {
      name: 'toolkit',
      access: whileDraft,
      type: 'relationship',
      relationTo: 'toolkits',
      required: true,
      index: true,
    },
    {
      name: 'version',
      access: whileDraft,
      type: 'text',
      required: true,
      index: true,
      admin: { description: 'Semantic version, greater than the previous release (e.g. 1.2.0).' },
    },
    {
      name: 'audiences',
      access: whileDraft,
      type: 'relationship',
      relationTo: 'audiences',
      hasMany: true,
      required: true,
    },
    {
      name: 'locales',
      access: whileDraft,
      type: 'select',
      hasMany: true,
      // Not "releases_locales": the SQLite adapter keeps that name for localized fields.
      dbName: 'release_languages',
      required: true,
      defaultValue: [DEFAULT_LOCALE],
      options: LOCALES.map(({ code, label }) => ({ value: code, label })),
    },
    {
      name: 'accents',
      access: whileDraft,
      type: 'relationship',
      relationTo: 'accents',
      hasMany: true,
      required: true,
    },
    { name: 'releaseNotes', access: whileDraft, type: 'textarea' },
    {
      name: 'changelog',
      access: whileDraft,
      type: 'array',
      admin: {
        description:
          'Leave empty to use the changelog generated from the previous release, or copy it in from the panel above and edit it.',
        // Once built, the release panel lists the changelog the apps received.
        condition: (data) => !data?.status || data.status === 'draft' || data.status === 'failed',
        initCollapsed: true,
      },
      fields: [{ name: 'line', type: 'text', required: true }],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      access: systemOnly,
      options: RELEASE_STATUSES.map((value) => ({ value, label: value })),
      admin: { position: 'sidebar', readOnly: true },
    },
    ...(['failureReason', 'withdrawnReason'] as const).map((name) => ({
      name,
      type: 'text' as const,
      access: systemOnly,
      admin: { position: 'sidebar' as const, readOnly: true },
    })),
    ...(['createdBy', 'publishedBy', 'withdrawnBy'] as const).map((name) => ({
      name,
      type: 'relationship' as const,
      relationTo: 'users' as const,
      access: systemOnly,
      admin: { position: 'sidebar' as const, readOnly: true },
    })),
    {
      name: 'publishedAt',
      type: 'date',
      access: systemOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    // Written by the build: the exact documents used, the preflight result, the output files and
    // the build's progress and heartbeat.
    // The release panel shows the preflight, outputs and build progress; the freeze stays
    // visible as the audit record.
    ...(
      [
        ['freeze', { $ref: `#/definitions/${FROZEN_RELEASE}` }],
        ['preflight', { $ref: `#/definitions/${RELEASE_PREFLIGHT}` }],
        ['outputs', { type: 'array', items: { $ref: `#/definitions/${RELEASE_OUTPUT}` } }],
        ['build', { $ref: `#/definitions/${BUILD_PROGRESS}` }],
        ['contributions', { $ref: `#/definitions/${RELEASE_CONTRIBUTIONS}` }],
      ] as const
    ).map(([name, schema]) => ({
      name,
      type: 'json' as const,
      access: systemOnly,
      admin: {
        readOnly: true,
        hidden: name !== 'freeze',
        components: { Field: READ_ONLY_JSON },
      },
      typescriptSchema: [() => ({ oneOf: [schema, { type: 'null' as const }] })],
    })),
  ],
}
