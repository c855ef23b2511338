import { APIError, AuthenticationError, type Config, type PayloadRequest } from 'payload'

import { parseTrustProxy, throttleKeyFor } from '../../domain/auth/clientAddress'
import { clientLabel, signInAuditSummary } from '../../domain/auth/signInAudit'
import {
  judgeSignIn,
  retryAfterSeconds,
  signInPolicyFrom,
  throttledMessage,
  throttlesStartedBy,
  type RefusalReason,
} from '../../domain/auth/signInPolicy'
import { verifyPassword } from '../../lib/auth/passwordVerifier'
import {
  attemptKeys,
  beginAttempt,
  recordFailure,
  recordSuccess,
  type AttemptKeys,
} from '../../lib/auth/signInCounters'
import { normaliseSignInEmail, signInSubjectKey } from '../../lib/auth/subjectKey'
import { clientAddressOf } from '../../lib/http/clientAddress'
import type { User } from '../../payload-types'
import { entityLabel, recordAudit } from '../audit/recordAudit'

type Account = Pick<User, 'id'> & { hash?: string | null; salt?: string | null }

interface Attempt {
  req: PayloadRequest
  address: string | null
  subject: string
  keys: AttemptKeys
}

/**
 * Runs before Payload's own login (REST, GraphQL and the Local API all call it): returns when
 * the email and password may sign in, and otherwise refuses. A throttled client gets 429 with
 * Retry-After; an unknown email, a wrong password and a locked account all get Payload's one
 * "email or password incorrect" 401, after the same work: one lookup, one password hash at
 * Payload's cost, one audit entry.
 */
export async function screenSignIn(req: PayloadRequest, email: string, password: string) {
  const policy = signInPolicyFrom(process.env)
  const attempt = describeAttempt(req, email)
  const start = await beginAttempt(attempt.keys)
  if (start.kind === 'throttled') throw throttled(req, start.msBeforeNext)

  const account = await findAccount(req, email)
  const passwordMatches = await verifyPassword(account, password)
  const verdict = judgeSignIn(
    {
      accountExists: account !== null,
      passwordMatches,
      accountFailuresBefore: start.accountFailures - 1,
      isKnownClient: start.isKnownClient,
    },
    policy,
  )
  if (verdict.outcome === 'signIn') return recordSuccess(attempt.keys)

  const counts = await recordFailure(attempt.keys, start, policy)
  await auditFailure(attempt, account, verdict.reason, verdict.passwordWasRight)
  for (const throttle of throttlesStartedBy(counts, policy)) {
    await auditSignIn(attempt, account, 'loginThrottled', { kind: 'throttled', throttle })
  }
  throw new AuthenticationError(req.t)
}

/** Start-up check, so a mistyped setting stops the studio instead of failing every sign-in. */
export function checkSignInSettings(env: Record<string, string | undefined>): void {
  parseTrustProxy(env.TRUST_PROXY)
  signInPolicyFrom(env)
}

export function describeAttempt(req: PayloadRequest, email: string): Attempt {
  const address = clientAddressOf(req.headers)
  const subject = signInSubjectKey(email, req.payload.secret)
  return { req, address, subject, keys: attemptKeys(subject, throttleKeyFor(address)) }
}

export async function findAccount(req: PayloadRequest, email: string): Promise<Account | null> {
  const found = await req.payload.db.findOne<Account>({
    collection: 'users',
    where: { email: { equals: normaliseSignInEmail(email) } },
    req,
  })
  return found ?? null
}

/** 429 with Retry-After, for sign-ins and, naming them, other throttled attempts. */
export function throttled(req: PayloadRequest, msBeforeNext: number, attempts?: string): APIError {
  const seconds = retryAfterSeconds(msBeforeNext)
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(seconds))
  req.responseHeaders = headers
  return new SignInThrottled(throttledMessage(seconds, attempts), seconds)
}

// Typed as a plain string: Payload's loggingLevels type lists only its own error names.
const THROTTLED_ERROR: string = 'SignInThrottled'

/** Its own name, so that it is logged as the routine event it is (signInLoggingLevels). */
export class SignInThrottled extends APIError {
  constructor(message: string, retryAfterSeconds: number) {
    super(message, 429, { retryAfterSeconds }, true)
    // Set by hand: a minified build renames classes, and loggingLevels matches by name.
    this.name = THROTTLED_ERROR
  }
}

/** Refused and throttled sign-ins are expected, and audited: logged as info, no stack trace. */
export const signInLoggingLevels: Config['loggingLevels'] = {
  AuthenticationError: 'info',
  [THROTTLED_ERROR]: 'info',
}

function auditFailure(
  attempt: Attempt,
  account: Account | null,
  reason: RefusalReason,
  passwordWasRight: boolean,
) {
  return auditSignIn(attempt, account, 'loginFailed', { kind: 'failed', reason, passwordWasRight })
}

export async function auditSignIn(
  attempt: Attempt,
  account: Account | null,
  action: 'loginFailed' | 'loginThrottled' | 'unlock',
  event: Parameters<typeof signInAuditSummary>[0],
  options: { bySignedInUser?: boolean } = {},
) {
  const { req } = attempt
  const label = account ? entityLabel(req.payload, 'users', account.id) : null
  await recordAudit(
    req.payload,
    {
      action,
      entityCollection: 'users',
      entityId: account?.id ?? null,
      summary: signInAuditSummary(event, label),
      // Before sign-in nobody is acting but the client; an unlock is the signed-in admin's.
      ...(options.bySignedInUser ? {} : { actor: null, actorLabel: clientLabel(attempt.address) }),
      clientAddress: attempt.address,
      subjectKey: attempt.subject,
    },
    req,
  )
}
