/** A parsed semantic version (https://semver.org/spec/v2.0.0.html). */
export interface Semver {
  major: number
  minor: number
  patch: number
  /** Dot-separated pre-release identifiers, e.g. ['rc', '1']; empty for a normal release. */
  prerelease: string[]
  /** Build metadata identifiers; kept for display, ignored by precedence. */
  build: string[]
}

// The regular expression suggested by the specification itself, so edge cases (leading zeros,
// empty identifiers, hyphens inside identifiers) follow it exactly.
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/

const NUMERIC = /^\d+$/

/** The parts of `version`, or null if it is not a valid semantic version. */
export function parseSemver(version: string): Semver | null {
  const match = SEMVER.exec(version)
  if (!match) return null
  const [major, minor, patch] = [match[1], match[2], match[3]].map(Number)
  // Beyond this the numbers would silently lose precision and compare wrongly.
  if (![major, minor, patch].every(Number.isSafeInteger)) return null
  return {
    major,
    minor,
    patch,
    prerelease: match[4] ? match[4].split('.') : [],
    build: match[5] ? match[5].split('.') : [],
  }
}

export function isValidSemver(version: string): boolean {
  return parseSemver(version) !== null
}

/**
 * Precedence order of two versions: negative if `a` comes first, 0 if equal, positive if `b`
 * comes first (always -1, 0 or 1). Build metadata is ignored. Throws on an invalid version,
 * which is a programming error: validate user input with `isValidSemver` first.
 */
export function compareSemver(a: string, b: string): -1 | 0 | 1 {
  return comparePrecedence(parseOrThrow(a), parseOrThrow(b))
}

/**
 * Why `next` cannot follow `previous` as a toolkit's release version, or null if it can. A
 * release must be strictly greater so delivery apps can always tell which one is newer.
 */
export function nextMustBeGreater(previous: string | null, next: string): string | null {
  if (next === '') return 'Enter a version: use MAJOR.MINOR.PATCH, for example 1.0.0'
  if (!isValidSemver(next)) {
    return `"${next}" is not a valid version: use MAJOR.MINOR.PATCH, for example 1.0.0`
  }
  if (previous === null) return null
  if (compareSemver(next, previous) > 0) return null
  return `${next} must be greater than the previous release ${previous}`
}

function parseOrThrow(version: string): Semver {
  const parsed = parseSemver(version)
  if (!parsed) throw new Error(`"${version}" is not a valid semantic version.`)
  return parsed
}

function comparePrecedence(a: Semver, b: Semver): -1 | 0 | 1 {
  const core = sign(a.major - b.major) || sign(a.minor - b.minor) || sign(a.patch - b.patch)
  if (core !== 0) return core
  // A pre-release comes before the normal release of the same version.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return sign(b.prerelease.length - a.prerelease.length)
  }
  const shared = Math.min(a.prerelease.length, b.prerelease.length)
  for (let i = 0; i < shared; i++) {
    const order = compareIdentifier(a.prerelease[i], b.prerelease[i])
    if (order !== 0) return order
  }
  // All shared identifiers equal: the longer list has higher precedence.
  return sign(a.prerelease.length - b.prerelease.length)
}

function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  const aNumeric = NUMERIC.test(a)
  const bNumeric = NUMERIC.test(b)
  // Numeric identifiers have no leading zeros, so a longer one is larger; comparing as text
  // after that avoids precision loss for numbers beyond Number.MAX_SAFE_INTEGER.
  if (aNumeric && bNumeric) return sign(a.length - b.length) || compareAscii(a, b)
  if (aNumeric) return -1
  if (bNumeric) return 1
  return compareAscii(a, b)
}

function compareAscii(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0
}
