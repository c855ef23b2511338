import type { CollectionConfig, Field, Where } from 'payload'

import { confirmMediaEndpoint } from './endpoints/confirmMedia'
import { ensureVariantRules } from './hooks/ensureVariantRules'
import { stampMediaLineage } from './hooks/stampMediaLineage'
import { editorsOrAssignedClip, readAllOrAssigned } from '../../access/assignedScope'
import { contentEditors, contentEditorsField } from '../../access/predicates'
import { CLIP_PROCESSING_DETAILS } from '../../domain/media/clipProcessingDetails'
import { LOCALES } from '../../domain/vocabulary'
import { audiencesField } from '../../fields/audiences'
import { processingField } from '../../fields/processing'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'
import { slugField } from '../../fields/slug'
import { forgetClipJobs, queueClipProcessing } from '../../hooks/queueClipProcessing'

// Co-producers may work on an assigned clip's media and wording but not where it sits.
const structural = { create: contentEditorsField, update: contentEditorsField }

export const Clips: CollectionConfig<'clips'> = {
  slug: 'clips',
  admin: {
    useAsTitle: 'title',
    defaultColumns: [
      'title',
      'slug',
      'processing',
      'hasStaleMedia',
      'variantOf',
      'variantAudience',
    ],
    group: 'Content',
  },
  access: {
    read: readAllOrAssigned('clipIds'),
    create: contentEditors,
    update: editorsOrAssignedClip,
    delete: contentEditors,
  },
  hooks: {
    beforeValidate: [ensureVariantRules],
    beforeChange: [stampMediaLineage],
    afterChange: [queueClipProcessing],
    afterDelete: [forgetClipJobs],
  },
  endpoints: [confirmMediaEndpoint],
  fields: [
    { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale },
    processingField({ listCell: true, detailsType: CLIP_PROCESSING_DETAILS }),
    {
      name: 'hasStaleMedia',
      label: 'Stale media',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: () => false, update: () => false },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description:
          'A voice track or caption file was recorded from script text that has since changed.',
      },
    },
    { ...slugField({ unique: true }), access: structural },
    {
      name: 'script',
      type: 'join',
      collection: 'scripts',
      on: 'clip',
      admin: { description: 'The script written for this clip.' },
    },
    audiencesField({
      access: structural,
      admin: {
        position: 'sidebar',
        description: 'Audiences this clip suits. Leave empty if it suits everyone.',
      },
    }),
    {
      type: 'collapsible',
      label: 'Audience variant',
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'variantOf',
          type: 'relationship',
          relationTo: 'clips',
          index: true,
          access: structural,
          filterOptions: ({ id }) => {
            const baseClipsOnly: Where[] = [{ variantOf: { exists: false } }]
            if (id) baseClipsOnly.push({ id: { not_equals: id } })
            return { and: baseClipsOnly }
          },
          admin: { description: 'Set when this clip replaces a base clip for one audience.' },
        },
        {
          name: 'variantAudience',
          type: 'relationship',
          relationTo: 'audiences',
          access: structural,
          admin: { condition: (data) => Boolean(data?.variantOf) },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Media',
      fields: [
        {
          name: 'mediaPreview',
          type: 'ui',
          admin: { components: { Field: '/admin/components/ClipMediaPanel#ClipMediaPanel' } },
        },
        { name: 'animation', type: 'upload', relationTo: 'animations' },
        {
          name: 'voiceTracks',
          type: 'array',
          labels: { singular: 'Voice track', plural: 'Voice tracks' },
          admin: { description: 'One recording of the script per accent.' },
          fields: [
            { name: 'accent', type: 'relationship', relationTo: 'accents', required: true },
            { name: 'track', type: 'upload', relationTo: 'voice-tracks', required: true },
            ...lineageFields(),
          ],
        },
        {
          name: 'captions',
          type: 'array',
          labels: { singular: 'Caption track', plural: 'Caption tracks' },
          fields: [
            {
              name: 'locale',
              type: 'select',
              required: true,
              options: LOCALES.map(({ code, label }) => ({ value: code, label })),
            },
            { name: 'track', type: 'upload', relationTo: 'captions', required: true },
            ...lineageFields(),
          ],
        },
        {
          name: 'poster',
          type: 'upload',
          relationTo: 'images',
          admin: { description: 'Still image shown before the clip plays.' },
        },
      ],
    },
  ],
}

/** Which script text a recording was made from, and whether that text has changed since. */
function lineageFields(): Field[] {
  const systemOnly = { create: () => false, update: () => false }
  return [
    { name: 'recordedFrom', type: 'text', access: systemOnly, admin: { hidden: true } },
    {
      name: 'stale',
      type: 'checkbox',
      defaultValue: false,
      access: systemOnly,
      admin: { readOnly: true },
    },
    {
      name: 'staleReason',
      type: 'text',
      access: systemOnly,
      admin: { readOnly: true, condition: (_, row) => Boolean(row?.stale) },
    },
  ]
}
