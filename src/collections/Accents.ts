import type { CollectionConfig } from 'payload'

import { referenceDataAccess } from '../access/predicates'
import { validateBcp47Tag } from '../domain/locale/bcp47'
import { requiredInDefaultLocale } from '../fields/requiredInDefaultLocale'

export const Accents: CollectionConfig<'accents'> = {
  slug: 'accents',
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'tag', 'region'],
    group: 'Reference',
    description: 'Regional voices. Each accent is a voice track of the same clip, not a language.',
  },
  access: referenceDataAccess,
  fields: [
    {
      name: 'label',
      type: 'text',
      localized: true,
      validate: requiredInDefaultLocale,
      admin: { description: 'Shown to participants in the player, e.g. "Geordie (North East)".' },
    },
    {
      name: 'tag',
      label: 'BCP 47 tag',
      type: 'text',
      required: true,
      unique: true,
      admin: { description: 'Language tag with a private-use accent, e.g. en-GB-x-geordie.' },
      hooks: {
        beforeValidate: [
          ({ value }) => {
            if (typeof value !== 'string') return value
            const result = validateBcp47Tag(value)
            return result.ok ? result.tag : value
          },
        ],
      },
      validate: (value: string | null | undefined) => {
        const result = validateBcp47Tag(value ?? '')
        return result.ok ? true : result.message
      },
    },
    { name: 'region', type: 'text' },
  ],
}
