import type { CollectionConfig } from 'payload'

import { ensureClipSuitsAudiences } from './hooks/ensureClipSuitsAudiences'
import { readAllOrAssigned } from '../../access/assignedScope'
import { contentEditors } from '../../access/predicates'
import { audiencesField } from '../../fields/audiences'
import { orderField } from '../../fields/order'
import { requiredInDefaultLocale } from '../../fields/requiredInDefaultLocale'
import { slugField } from '../../fields/slug'
import { ensureSlugUniqueWithin } from '../../hooks/ensureSlugUniqueWithin'

export const Exercises: CollectionConfig<'exercises'> = {
  slug: 'exercises',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'module', 'order', 'clip', 'minutes'],
    group: 'Content',
  },
  defaultSort: 'order',
  access: {
    read: readAllOrAssigned('exerciseIds'),
    create: contentEditors,
    update: contentEditors,
    delete: contentEditors,
  },
  indexes: [{ fields: ['module', 'slug'], unique: true }],
  hooks: {
    beforeValidate: [
      ensureSlugUniqueWithin('exercises', 'module', 'module'),
      ensureClipSuitsAudiences,
    ],
  },
  fields: [
    { name: 'module', type: 'relationship', relationTo: 'modules', required: true, index: true },
    { name: 'title', type: 'text', localized: true, validate: requiredInDefaultLocale },
    slugField(),
    orderField(),
    {
      name: 'clip',
      type: 'relationship',
      relationTo: 'clips',
      index: true,
      filterOptions: { variantOf: { exists: false } },
      admin: { description: 'The base clip; audience variants are picked automatically.' },
    },
    {
      name: 'minutes',
      label: 'Estimated minutes',
      type: 'number',
      min: 1,
      max: 120,
      admin: { position: 'sidebar' },
    },
    audiencesField({
      admin: { position: 'sidebar', description: 'Leave empty for every audience.' },
    }),
    {
      type: 'tabs',
      tabs: [
        {
          name: 'worksheet',
          fields: [
            { name: 'intro', type: 'richText', localized: true },
            {
              name: 'questions',
              type: 'array',
              labels: { singular: 'Question', plural: 'Questions' },
              fields: [
                {
                  name: 'prompt',
                  type: 'text',
                  localized: true,
                  validate: requiredInDefaultLocale,
                },
                {
                  name: 'answerType',
                  type: 'select',
                  required: true,
                  defaultValue: 'text',
                  options: [
                    { label: 'Written answer', value: 'text' },
                    { label: 'Scale (1–10)', value: 'scale' },
                    { label: 'Choice', value: 'choice' },
                  ],
                },
                {
                  name: 'options',
                  type: 'array',
                  admin: { condition: (_, sibling) => sibling?.answerType === 'choice' },
                  validate: (
                    value: unknown,
                    { siblingData }: { siblingData: { answerType?: string } },
                  ) =>
                    siblingData?.answerType === 'choice' &&
                    (!Array.isArray(value) || value.length < 2)
                      ? 'A choice question needs at least two options.'
                      : true,
                  fields: [
                    {
                      name: 'label',
                      type: 'text',
                      localized: true,
                      validate: requiredInDefaultLocale,
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: 'Between sessions',
          fields: [
            {
              name: 'task',
              label: 'Between-session task',
              type: 'textarea',
              localized: true,
            },
            {
              name: 'diaryPrompts',
              label: 'Reflection / diary prompts',
              type: 'array',
              fields: [
                {
                  name: 'prompt',
                  type: 'text',
                  localized: true,
                  validate: requiredInDefaultLocale,
                },
              ],
            },
          ],
        },
        {
          name: 'summary',
          label: 'Summary slide',
          fields: [
            {
              name: 'keyPoints',
              type: 'array',
              maxRows: 6,
              admin: { description: 'Short points participants can photograph or take home.' },
              fields: [
                { name: 'point', type: 'text', localized: true, validate: requiredInDefaultLocale },
              ],
            },
          ],
        },
      ],
    },
  ],
}
