import { PEER_ADDRESS_ENV, PEER_ADDRESS_HEADER } from './peerAddress.mjs'
import {
  parseTrustProxy,
  resolveClientAddress,
  throttleKeyFor,
} from '../../domain/auth/clientAddress'

type Env = Record<string, string | undefined>

let hasWarnedBlind = false

/**
 * The address of the client that sent this request, as far as the studio can trust it; null
 * when it cannot tell. The one place `TRUST_PROXY` is read (see src/domain/auth/clientAddress.ts
 * for which hop is trusted): use it wherever a feature needs the client's address.
 */
export function clientAddressOf(headers: Headers, env: Env = process.env): string | null {
  const isStamped = env[PEER_ADDRESS_ENV] === '1'
  const trustedProxies = parseTrustProxy(env.TRUST_PROXY)
  if (!isStamped && trustedProxies === 0) warnBlindOnce()
  return resolveClientAddress({
    forwardedFor: headers.get('x-forwarded-for'),
    socketAddress: isStamped ? headers.get(PEER_ADDRESS_HEADER) : null,
    trustedProxies,
  })
}

/** The key this request's client is throttled under (an IPv6 client is its /64). */
export function clientThrottleKeyOf(headers: Headers, env: Env = process.env): string {
  return throttleKeyFor(clientAddressOf(headers, env))
}

function warnBlindOnce(): void {
  if (hasWarnedBlind) return
  hasWarnedBlind = true
  console.warn(
    'CDM Studio cannot see client addresses: this server was not started with `npm start` (scripts/server.mjs) and TRUST_PROXY is unset, so every client shares one sign-in throttle. Expected under `next dev`; in production start the studio with `npm start`, or set TRUST_PROXY behind a reverse proxy.',
  )
}
