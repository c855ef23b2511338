import type { CollectionBeforeOperationHook } from 'payload'

import { screenPasswordResetRequest } from '../../../services/auth/passwordResets'

/** Every "forgot password" (REST, GraphQL, the admin's form) passes through Payload's operation. */
export const throttlePasswordResets: CollectionBeforeOperationHook<'users'> = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'forgotPassword') return args
  const email = (args as { data?: { email?: unknown } }).data?.email
  // Without one, Payload refuses the request (400) itself.
  if (typeof email === 'string' && email.trim() !== '') await screenPasswordResetRequest(req, email)
  return args
}
