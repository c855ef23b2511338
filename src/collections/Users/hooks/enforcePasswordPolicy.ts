import type { CollectionBeforeOperationHook } from 'payload'

import { passwordProblem } from '../../../domain/auth/passwordPolicy'
import { throwIfFieldErrors } from '../../../hooks/fieldErrors'
import { commonPasswords } from '../../../lib/auth/commonPasswords'

/**
 * Every way a password is set: creating a user (the first-register screen included), changing
 * it, and resetting it with a token. Payload hashes the new password before any field hook runs
 * on a reset, so the rule sits on the operation.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') {
    return args
  }
  const password = (args as { data?: { password?: unknown } }).data?.password
  if (password === undefined || password === null || password === '') return args
  const message =
    typeof password === 'string'
      ? passwordProblem({ password, commonPasswords: commonPasswords() })
      : 'The password must be text.'
  if (message) throwIfFieldErrors('users', [{ path: 'password', message }], req)
  return args
}
