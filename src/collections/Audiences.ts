import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../access/predicates'
import { requiredInDefaultLocale } from '../fields/requiredInDefaultLocale'
import { slugField } from '../fields/slug'

export const Audiences: CollectionConfig<'audiences'> = {
  slug: 'audiences',
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'slug'],
    group: 'Reference',
    description: 'Who a variant of the content is for. Separate from language and accent.',
  },
  access: referenceDataAccess,
  fields: [
    { name: 'label', type: 'text', localized: true, validate: requiredInDefaultLocale },
    slugField({ from: 'label', unique: true }),
    { name: 'description', type: 'textarea', localized: true },
  ],
}
