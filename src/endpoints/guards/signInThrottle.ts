import { retryAfterSeconds, throttledMessage } from '../../domain/auth/signInPolicy'
import { clientBlockedMs } from '../../lib/auth/signInCounters'
import { clientThrottleKeyOf } from '../../lib/http/clientAddress'
import type { RequestGuard } from '../../lib/http/requestGuards'

const REST_LOGIN = /^\/api\/users\/login\/?$/

/**
 * A client that has spent its budget of failed sign-ins is refused before its body is read or
 * a password hashed. The sign-in itself (src/services/auth/signIn.ts) applies the same budget
 * and the per-account delays, for GraphQL too.
 */
export const signInThrottle: RequestGuard = async (request) => {
  if (request.method !== 'POST' || !REST_LOGIN.test(new URL(request.url).pathname)) return undefined
  const blockedMs = await clientBlockedMs(clientThrottleKeyOf(request.headers))
  if (blockedMs <= 0) return undefined
  const seconds = retryAfterSeconds(blockedMs)
  return Response.json(
    { errors: [{ message: throttledMessage(seconds) }] },
    { status: 429, headers: { 'Retry-After': String(seconds) } },
  )
}
