// Generated from src/delivery-client/api.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import type { Transport } from './transport.mjs'
import type {
  FetchedManifest,
  LatestRelease,
  NotModified,
  PublishedKey,
  ReleaseQuery,
} from './types.mjs'
/** A manifest's bytes and signature headers, neither parsed nor trusted yet. */
export interface SignedBytes {
  bytes: Uint8Array
  signature: string
  keyId: string
  etag: string | null
}
/** A studio as the delivery API's calls need it. */
export interface Studio {
  http: Transport
  /** Largest manifest accepted, checked while it downloads and before parsing. */
  maxManifestBytes: number
}
interface Signal {
  signal?: AbortSignal
}
export declare function latest(
  studio: Studio,
  { toolkit, audience, locale }: ReleaseQuery,
  options?: Signal,
): Promise<LatestRelease>
export declare function keys(studio: Studio, options?: Signal): Promise<PublishedKey[]>
export declare function fetchSignedBytes(
  { http, maxManifestBytes }: Studio,
  url: string,
  {
    etag,
    signal,
  }: {
    etag?: string | null
    signal?: AbortSignal
  },
): Promise<SignedBytes | NotModified>
export declare function fetchManifest(
  studio: Studio,
  url: string,
  options?: {
    etag?: string | null
    signal?: AbortSignal
  },
): Promise<FetchedManifest | NotModified>
export {}
