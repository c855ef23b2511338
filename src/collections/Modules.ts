import type { CollectionConfig } from 'payload'

import { readAllOrAssigned } from '../access/assignedScope'
import { contentEditors } from '../access/predicates'
import { audiencesField } from '../fields/audiences'
import { orderField } from '../fields/order'
import { requiredInDefaultLocale } from '../fields/requiredInDefaultLocale'
import { slugField } from '../fields/slug'
import { ensureSlugUniqueWithin } from '../hooks/ensureSlugUniqueWithin'

export const Modules: CollectionConfig<'modules'> = {
  slug: 'modules',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'toolkit', 'order', 'mandatory'],
    group: 'Content',
  },
  defaultSort: 'order',
  access: {
    read: readAllOrAssigned('moduleIds'),
    create: contentEditors,
    update: contentEditors,
    delete: contentEditors,
  },
  indexes: [{ fields: ['toolkit', 'slug'], unique: true }],
  hooks: {
    beforeValidate: [ensureSlugUniqueWithin('modules', 'toolkit', 'toolkit')],
  },
  fields: [
    { name: 'toolkit', type: 'relationship', relationTo: 'toolkits', required: true, index: true },
    { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale },
    slugField(),
    orderField(),
    {
      name: 'mandatory',
      type: 'checkbox',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description: 'The foundation module every participant completes first.',
      },
    },
    { name: 'intro', type: 'richText', localized: true },
    audiencesField(),
    {
      name: 'exercises',
      type: 'join',
      collection: 'exercises',
      on: 'module',
      defaultSort: 'order',
      admin: { defaultColumns: ['title', 'order', 'minutes'] },
    },
  ],
}
