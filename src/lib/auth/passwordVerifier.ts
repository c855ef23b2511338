import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

import {
  CURRENT_HASH_PREFIX,
  CURRENT_PBKDF2,
  parsePasswordHash,
  timingPadIterations,
} from '../../domain/auth/passwordHash'

const derive = promisify(pbkdf2)

export interface StoredPassword {
  hash?: string | null
  salt?: string | null
}

/**
 * Checks a password against a stored Payload hash at the same cost Payload pays. Without one (no
 * such account) it checks against a throwaway hash at Payload's current cost, so an unknown email
 * takes as long to refuse as a wrong password.
 */
export async function verifyPassword(
  stored: StoredPassword | null,
  password: string,
): Promise<boolean> {
  const real = typeof stored?.hash === 'string' && typeof stored.salt === 'string'
  const { hash, salt } = real
    ? { hash: stored.hash as string, salt: stored.salt as string }
    : throwaway()
  const parameters = parsePasswordHash(hash)
  const derived = await derive(
    password,
    salt,
    parameters.iterations,
    parameters.keyLength,
    'sha256',
  )
  const pad = timingPadIterations(parameters)
  if (pad > 0) await derive(password, salt, pad, CURRENT_PBKDF2.keyLength, 'sha256')
  const expected = Buffer.from(parameters.digestHex, 'hex')
  return real && derived.length === expected.length && timingSafeEqual(derived, expected)
}

let throwawayHash: { hash: string; salt: string } | undefined

function throwaway(): { hash: string; salt: string } {
  throwawayHash ??= {
    hash: CURRENT_HASH_PREFIX + randomBytes(CURRENT_PBKDF2.keyLength).toString('hex'),
    salt: randomBytes(32).toString('hex'),
  }
  return throwawayHash
}
