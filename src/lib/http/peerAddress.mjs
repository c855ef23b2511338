// Plain JavaScript so that scripts/server.mjs can import it without a TypeScript loader.

/**
 * The header the studio's own HTTP servers put the TCP peer's address in. Next.js does not give
 * route handlers the socket, and fills `X-Forwarded-For` with the peer only when the client sent
 * none, so a client could otherwise choose its own address.
 */
export const PEER_ADDRESS_HEADER = 'x-cdm-peer-address'

/** Set by a server that stamps every request, so the app knows the header is its own. */
export const PEER_ADDRESS_ENV = 'CDM_PEER_ADDRESS_STAMPED'

/**
 * Writes the connection's peer address into the request's headers, replacing whatever the
 * client sent under that name.
 * @param {import('node:http').IncomingMessage} request
 */
export function stampPeerAddress(request) {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? ''
}
