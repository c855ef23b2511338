import type { CollectionAfterOperationHook, CollectionBeforeOperationHook } from 'payload'

import { screenSignIn } from '../../../services/auth/signIn'
import { unlockSignIn } from '../../../services/auth/unlock'

/**
 * Every sign-in (REST `POST /api/users/login`, the admin's login form, GraphQL `loginUser`, the
 * Local API) passes through Payload's login operation, which runs this first.
 */
export const screenSignInAttempt: CollectionBeforeOperationHook<'users'> = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'login') return args
  const { email, password } =
    (args as { data?: { email?: unknown; password?: unknown } }).data ?? {}
  // Without both, Payload refuses the request (400) before it looks anything up.
  if (typeof email !== 'string' || typeof password !== 'string') return args
  if (email.trim() === '' || password.trim() === '') return args
  await screenSignIn(req, email, password)
  return args
}

/** Payload's unlock (admins only) also clears the studio's own sign-in lock and delays. */
export const clearSignInLock: CollectionAfterOperationHook<'users'> = async (hook) => {
  if (hook.operation !== 'unlock' || !hook.result) return hook.result
  const email = (hook.args as { data?: { email?: unknown } }).data?.email
  if (typeof email === 'string') await unlockSignIn(hook.req, email)
  return hook.result
}
