// Generated from src/delivery-client/versions.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/
/** Semantic-version precedence (build metadata ignored): negative when a comes first. */
export function compareVersions(a, b) {
  const pa = SEMVER.exec(a)
  const pb = SEMVER.exec(b)
  if (!pa || !pb) {
    throw new DeliveryError(
      'bad-manifest',
      `${JSON.stringify(pa ? b : a)} is not a semantic version.`,
    )
  }
  for (let i = 1; i <= 3; i++) {
    const order = compareNumeric(pa[i], pb[i])
    if (order !== 0) return order
  }
  const ra = pa[4] ? pa[4].split('.') : []
  const rb = pb[4] ? pb[4].split('.') : []
  // A pre-release comes before the release itself.
  if (ra.length === 0 || rb.length === 0) return rb.length - ra.length
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const order = compareIdentifier(ra[i], rb[i])
    if (order !== 0) return order
  }
  return ra.length - rb.length
}
/** Numeric identifiers come before alphanumeric ones, which compare in ASCII order. */
function compareIdentifier(a, b) {
  const numericA = /^\d+$/.test(a)
  const numericB = /^\d+$/.test(b)
  if (numericA && numericB) return compareNumeric(a, b)
  if (numericA !== numericB) return numericA ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}
/** Digit strings without leading zeros, compared without converting to numbers. */
function compareNumeric(a, b) {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}
