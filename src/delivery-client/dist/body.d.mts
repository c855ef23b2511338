// Generated from src/delivery-client/body.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
export interface ReadCappedOptions {
  limit: number
  /** What is being read, for messages ("The manifest"). */
  what: string
  url: string
  signal?: AbortSignal
}
/**
 * A response body read into memory, but never more than `limit` bytes of it: a declared
 * Content-Length over the limit is refused before reading, and the stream is cut off as soon
 * as it passes the limit.
 */
export declare function readCapped(
  response: Response,
  { limit, what, url, signal }: ReadCappedOptions,
): Promise<Uint8Array>
