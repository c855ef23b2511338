import type { CollectionConfig, Where } from 'payload'

import { editorsOrAssignedClip, readAllOrAssigned } from '../../access/assignedScope'
import { contentEditors, contentEditorsField } from '../../access/predicates'
import { audiencesField } from '../../fields/audiences'
import { slugField } from '../../fields/slug'
import { processingField } from '../../fields/processing'
import { queueClipProcessing } from '../../hooks/queueClipProcessing'
import { ensureVariantRules } from './hooks/ensureVariantRules'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'

// Co-producers may work on an assigned clip's media and wording but not where it sits.
const structural = { create: contentEditorsField, update: contentEditorsField }

export const Clips: CollectionConfig<'clips'> = {
  slug: 'clips',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'processing', 'variantOf', 'variantAudience'],
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
    afterChange: [queueClipProcessing],
  },
  fields: [
    { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale },
    processingField({ listCell: true }),
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
              options: [
                { label: 'English (UK)', value: 'en-GB' },
                { label: 'Cymraeg', value: 'cy' },
              ],
            },
            { name: 'track', type: 'upload', relationTo: 'captions', required: true },
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
