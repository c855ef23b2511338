import type { CollectionConfig } from 'payload'

import { readAllOrAssigned } from '../access/assignedScope'
import { contentEditors } from '../access/predicates'
import { requiredInDefaultLocale } from '../fields/requiredInDefaultLocale'
import { slugField } from '../fields/slug'

export const Toolkits: CollectionConfig<'toolkits'> = {
  slug: 'toolkits',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'updatedAt'],
    group: 'Content',
    description:
      'A toolkit is what practitioners deliver: modules of exercises built around clips.',
  },
  access: {
    read: readAllOrAssigned('toolkitIds'),
    create: contentEditors,
    update: contentEditors,
    delete: contentEditors,
  },
  fields: [
    { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale },
    slugField({ unique: true }),
    {
      name: 'summary',
      type: 'textarea',
      localized: true,
      admin: { description: 'One or two plain sentences shown in app catalogues.' },
    },
    { name: 'description', type: 'richText', localized: true },
    { name: 'coverImage', type: 'upload', relationTo: 'images' },
    {
      name: 'modules',
      type: 'join',
      collection: 'modules',
      on: 'toolkit',
      defaultSort: 'order',
      admin: { defaultColumns: ['title', 'order', 'mandatory'] },
    },
  ],
}
