import type { Validate } from 'payload'

import { DEFAULT_LOCALE } from '../domain/vocabulary'

/**
 * Localised text must exist in English (UK); translations may be added one field at a time and
 * fall back to English until then. Payload's plain `required` would force a Welsh editor to
 * translate every array row at once.
 */
export const requiredInDefaultLocale: Validate<string | null | undefined> = (value, { req }) => {
  const locale = req?.locale ?? DEFAULT_LOCALE
  if (locale !== DEFAULT_LOCALE && locale !== 'all') return true
  return typeof value === 'string' && value.trim() !== ''
    ? true
    : 'This field is required in English (UK).'
}
