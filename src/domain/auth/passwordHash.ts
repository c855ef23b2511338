/**
 * Payload's stored password hashes (payload/dist/auth/strategies/local/generatePasswordSaltHash.js,
 * 3.90): PBKDF2-HMAC-SHA256 over the password and the hex salt, in one of two formats.
 * test/int/signInHashes.test.ts checks these against hashes Payload itself wrote.
 */

export interface Pbkdf2Parameters {
  iterations: number
  keyLength: number
  /** The expected derived key, hex. */
  digestHex: string
}

export const CURRENT_HASH_PREFIX = 'pbkdf2-sha256-v1:'
/** What Payload uses for every password it hashes today. */
export const CURRENT_PBKDF2 = { iterations: 600_000, keyLength: 32 } as const
/** Hashes written before Payload 3.x raised the cost carry no prefix. */
export const LEGACY_PBKDF2 = { iterations: 25_000, keyLength: 512 } as const

const SHA256_BYTES = 32

export function parsePasswordHash(hash: string): Pbkdf2Parameters {
  if (hash.startsWith(CURRENT_HASH_PREFIX)) {
    return { ...CURRENT_PBKDF2, digestHex: hash.slice(CURRENT_HASH_PREFIX.length) }
  }
  return { ...LEGACY_PBKDF2, digestHex: hash }
}

/**
 * PBKDF2 work is iterations × output blocks. A legacy hash costs less than a current one, so a
 * wrong password for such an account would answer faster than an unknown email (hashed at the
 * current cost). The difference, in iterations of a one-block PBKDF2, evens them out.
 */
export function timingPadIterations(
  parameters: Pick<Pbkdf2Parameters, 'iterations' | 'keyLength'>,
): number {
  const work = (p: { iterations: number; keyLength: number }) =>
    p.iterations * Math.ceil(p.keyLength / SHA256_BYTES)
  return Math.max(0, work(CURRENT_PBKDF2) - work(parameters))
}
