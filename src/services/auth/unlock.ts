import type { PayloadRequest } from 'payload'

import { auditSignIn, describeAttempt, findAccount } from './signIn'
import { forgetAccount } from '../../lib/auth/signInCounters'

/**
 * After Payload's unlock (admins only, see the Users collection's access): clears the account's
 * lock and every client's delays on it, and records who unlocked it.
 */
export async function unlockSignIn(req: PayloadRequest, email: string): Promise<void> {
  const attempt = describeAttempt(req, email)
  await forgetAccount(attempt.subject)
  const account = await findAccount(req, email)
  await auditSignIn(attempt, account, 'unlock', { kind: 'unlocked' }, { bySignedInUser: true })
}
