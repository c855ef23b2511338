import type { TextField } from 'payload'

import { isValidSlug, slugify } from '../domain/text/slug'

/**
 * A URL slug filled from the title when left empty. `unique` is for slugs that must be unique in
 * the whole collection; slugs unique within a parent use `uniqueWithin` hooks instead.
 */
export function slugField(options: { from?: string; unique?: boolean } = {}): TextField {
  const from = options.from ?? 'title'
  return {
    name: 'slug',
    type: 'text',
    required: true,
    index: true,
    unique: options.unique ?? false,
    admin: {
      position: 'sidebar',
      description: 'Lower-case letters, digits and hyphens; used in links and by delivery apps.',
    },
    hooks: {
      beforeValidate: [
        ({ value, data, originalDoc }) => {
          if (typeof value === 'string' && value.trim() !== '') return value.trim()
          const source = data?.[from] ?? originalDoc?.[from]
          // Localised titles arrive as a string in the request's locale.
          return typeof source === 'string' ? slugify(source) : value
        },
      ],
    },
    validate: (value: string | null | undefined) => {
      if (!value) return 'A slug is required: give a title or type a slug.'
      return isValidSlug(value)
        ? true
        : `Slug "${value}" may contain only lower-case letters, digits and single hyphens (e.g. "thinking-traps").`
    },
  }
}
