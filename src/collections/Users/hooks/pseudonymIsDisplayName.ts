import type { CollectionBeforeValidateHook } from 'payload'

import type { User } from '../../../payload-types'

/** A co-producer is only ever shown by pseudonym, so displayName is copied from it. */
export const pseudonymIsDisplayName: CollectionBeforeValidateHook<User> = ({
  data,
  originalDoc,
}) => {
  if (!data) return data
  const role = data.role ?? originalDoc?.role
  const pseudonym = data.pseudonym ?? originalDoc?.pseudonym
  if (role === 'coProducer' && pseudonym?.trim()) {
    return { ...data, displayName: pseudonym.trim() }
  }
  return data
}
