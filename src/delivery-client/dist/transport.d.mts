// Generated from src/delivery-client/transport.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
export interface RequestInit {
  headers?: Record<string, string>
  signal?: AbortSignal
  /** Statuses other than 2xx that are answers rather than errors (304). */
  okStatuses?: number[]
}
/** HTTP to one studio: its API key goes with every request to its origin, and only there. */
export interface Transport {
  /** baseUrl without trailing slashes. */
  base: string
  /** Paths the server hands out (`/api/...`) resolved against baseUrl, keeping its path. */
  resolve(url: string): string
  request(url: string, init?: RequestInit): Promise<Response>
}
export declare function createTransport({
  baseUrl,
  origin,
  apiKey,
  fetch: doFetch,
}: {
  baseUrl: string
  origin: string
  apiKey: string
  fetch: typeof globalThis.fetch
}): Transport
