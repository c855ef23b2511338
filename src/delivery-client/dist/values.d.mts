// Generated from src/delivery-client/values.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/** A value from the network, typed loosely: every field is checked where it is read. */
export type Untrusted = any
/** Whether an untrusted JSON value is a plain object (not null, not a list). */
export declare function isObject(value: unknown): value is Record<string, Untrusted>
