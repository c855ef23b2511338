import { type PayloadRequest } from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { describeAttempt, throttled } from './signIn'
import { throttleKeyFor } from '../../domain/auth/clientAddress'

/** Reset emails one account may be sent in an hour, and one client may ask for in an hour. */
export const PASSWORD_RESETS_PER_ACCOUNT = 3
export const PASSWORD_RESETS_PER_CLIENT = 10

// In this process's memory, like the sign-in counters (src/lib/auth/signInCounters.ts).
const perAccount = new RateLimiterMemory({
  keyPrefix: 'reset-account',
  points: PASSWORD_RESETS_PER_ACCOUNT,
  duration: 3600,
})
const perClient = new RateLimiterMemory({
  keyPrefix: 'reset-client',
  points: PASSWORD_RESETS_PER_CLIENT,
  duration: 3600,
})

/**
 * Once the studio can send email, "forgot password" would let anyone fill a person's inbox, or
 * send mail to every address they can guess. Each account (counted by a keyed hash of the email,
 * known or not, so the answer tells nothing) and each client get a few an hour; then 429.
 */
export async function screenPasswordResetRequest(req: PayloadRequest, email: string) {
  const attempt = describeAttempt(req, email)
  try {
    await perClient.consume(throttleKeyFor(attempt.address))
    await perAccount.consume(attempt.subject)
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error
    throw throttled(req, error.msBeforeNext, 'password reset requests')
  }
}
