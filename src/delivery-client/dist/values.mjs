// Generated from src/delivery-client/values.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/** Whether an untrusted JSON value is a plain object (not null, not a list). */
export function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
