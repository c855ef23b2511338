import type { IncomingMessage } from 'node:http'

export declare const PEER_ADDRESS_HEADER: 'x-cdm-peer-address'
export declare const PEER_ADDRESS_ENV: 'CDM_PEER_ADDRESS_STAMPED'
export declare function stampPeerAddress(request: IncomingMessage): void
