import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * A password reset works by email. With no email adapter configured, Payload would "send" it to
 * its console logger, which writes the account's email address (a co-producer's, say) to the
 * log and mails nothing. Until an adapter is configured the studio offers no reset, for REST
 * and GraphQL alike: an admin sets a new password instead.
 */
export const passwordResetNeedsEmail: CollectionBeforeOperationHook<'users'> = ({
  args,
  operation,
}) => {
  if (operation !== 'forgotPassword' && operation !== 'resetPassword') return args
  if (args.req.payload.config.email) return args
  throw new APIError(
    'CDM Studio sends no email, so it offers no password reset: ask an admin to set a new password for you.',
    404,
  )
}
