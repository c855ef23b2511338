import type { CollectionBeforeChangeHook } from 'payload'

import type { User } from '../../../payload-types'

/**
 * The account created on an empty studio (the admin's "create first user" screen) must be able to
 * manage everyone else, so it becomes an admin whatever role the form sent.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook<User> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, role: 'admin' } : data
}
