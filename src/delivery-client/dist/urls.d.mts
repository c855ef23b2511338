// Generated from src/delivery-client/urls.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/**
 * Refuses URLs over which the API key and the release would travel unprotected: anything but
 * https, except plain http to this machine (development, a local proxy).
 */
export declare function refuseInsecure(url: URL, what: string): void
/** A URL without credentials, shortened to path and query, for messages. */
export declare function displayUrl(url: string): string
/** An error's message, with the socket error undici hides in `cause` ("other side closed"). */
export declare function describe(error: unknown): string
