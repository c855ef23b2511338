import { AuthenticationError, type CollectionBeforeLoginHook } from 'payload'

import type { User } from '../../../payload-types'

/**
 * An erased account never signs in again, whatever its email and password are later set to:
 * the person asked to be forgotten, and signing in would tie a new identity to the old work.
 * It answers as a wrong password does, so the refusal says nothing about the account.
 */
export const refuseErasedAccounts: CollectionBeforeLoginHook<User> = ({ req, user }) => {
  if (user.erasedAt) throw new AuthenticationError(req.t)
  return user
}
