import type { CollectionConfig } from 'payload'

import { hasRole, staffUser } from '../../access/roles'
import { releaseEndpoints } from './endpoints'
import { keepPublishedReleasesImmutable, refuseDeletingPublished } from './hooks/immutable'
import { validateReleaseVersion } from './hooks/validateVersion'

export const RELEASE_STATUSES = ['draft', 'building', 'published', 'failed', 'withdrawn'] as const

const systemOnly = { create: () => false, update: () => false }
const publishers = ({ req }: { req: Parameters<typeof hasRole>[0] }) =>
  hasRole(req, 'admin', 'publisher')

/**
 * A released version of a toolkit: signed manifests and bundles that delivery apps download.
 * Published releases never change; they can only be withdrawn.
 */
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
  },
  endpoints: releaseEndpoints,
  fields: [
    { name: 'toolkit', type: 'relationship', relationTo: 'toolkits', required: true, index: true },
    {
      name: 'version',
      type: 'text',
      required: true,
      index: true,
      admin: { description: 'Semantic version, greater than the previous release (e.g. 1.2.0).' },
    },
    {
      name: 'audiences',
      type: 'relationship',
      relationTo: 'audiences',
      hasMany: true,
      required: true,
    },
    {
      name: 'locales',
      type: 'select',
      hasMany: true,
      // Not "releases_locales": the SQLite adapter keeps that name for localized fields.
      dbName: 'release_languages',
      required: true,
      defaultValue: ['en-GB'],
      options: [
        { label: 'English (UK)', value: 'en-GB' },
        { label: 'Cymraeg', value: 'cy' },
      ],
    },
    { name: 'accents', type: 'relationship', relationTo: 'accents', hasMany: true, required: true },
    { name: 'releaseNotes', type: 'textarea' },
    {
      name: 'changelog',
      type: 'array',
      admin: {
        description: 'Generated from the previous release when built; edit before publishing.',
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
    ...(['freeze', 'preflight', 'outputs', 'build'] as const).map((name) => ({
      name,
      type: 'json' as const,
      access: systemOnly,
      admin: { readOnly: true },
    })),
  ],
}
