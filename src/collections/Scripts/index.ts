import type { CollectionConfig } from 'payload'

import { editorsOrAssignedDraftScript, readAllOrAssignedScript } from '../../access/assignedScope'
import { contentEditors, contentEditorsField } from '../../access/predicates'
import { validateScriptLines } from './hooks/validateScriptLines'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'

export const SCRIPT_STATUSES = ['draft', 'inReview', 'changesRequested', 'approved'] as const

export const Scripts: CollectionConfig<'scripts'> = {
  slug: 'scripts',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'clip', 'status', 'updatedAt'],
    group: 'Co-production',
  },
  access: {
    read: readAllOrAssignedScript,
    create: contentEditors,
    update: editorsOrAssignedDraftScript,
    delete: contentEditors,
  },
  versions: {
    drafts: { autosave: false },
    maxPerDoc: 100,
  },
  hooks: {
    beforeValidate: [validateScriptLines],
  },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'clip',
      type: 'relationship',
      relationTo: 'clips',
      required: true,
      index: true,
      access: { update: contentEditorsField },
    },
    {
      name: 'status',
      label: 'Review status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: [
        { label: 'Draft', value: 'draft' },
        { label: 'In review', value: 'inReview' },
        { label: 'Changes requested', value: 'changesRequested' },
        { label: 'Approved', value: 'approved' },
      ],
      // The review workflow (submit, approve, request changes) owns transitions for other roles.
      access: { create: contentEditorsField, update: contentEditorsField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'assignedCoProducers',
      label: 'Assigned co-producers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      index: true,
      filterOptions: { role: { equals: 'coProducer' } },
      access: { create: contentEditorsField, update: contentEditorsField },
      admin: {
        position: 'sidebar',
        description: 'Experts by lived experience working on this script.',
      },
    },
    {
      name: 'characters',
      type: 'array',
      labels: { singular: 'Character', plural: 'Characters' },
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'description', type: 'textarea', localized: true },
      ],
    },
    {
      name: 'scenes',
      type: 'array',
      labels: { singular: 'Scene', plural: 'Scenes' },
      fields: [
        { name: 'heading', type: 'text', localized: true },
        {
          name: 'lines',
          type: 'array',
          labels: { singular: 'Line', plural: 'Lines' },
          fields: [
            {
              name: 'lineId',
              type: 'text',
              admin: {
                readOnly: true,
                description: 'Stable anchor for comments and captions; set automatically.',
              },
            },
            {
              name: 'speaker',
              type: 'text',
              required: true,
              admin: { description: 'The name of one of the characters above.' },
            },
            { name: 'text', type: 'textarea', localized: true, validate: requiredInDefaultLocale },
            { name: 'direction', type: 'text', localized: true },
          ],
        },
      ],
    },
  ],
}
