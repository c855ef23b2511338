import { sign, verify } from 'node:crypto'

import {
  type ActiveSigningKey,
  type PublicKeyInfo,
  SIGNING_ALGORITHM,
  keyIdOf,
  publicKeyFromRaw,
} from './keys'
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES } from '../../domain/signing/ed25519'

/** A signature kept apart from the bytes it signs (the manifest's exact canonical bytes). */
export interface DetachedSignature {
  keyId: string
  algorithm: typeof SIGNING_ALGORITHM
  /** Base64 of the 64-byte Ed25519 signature. */
  signature: string
}

/** Signs `bytes` as they are: Ed25519 hashes internally, so there is no digest to choose. */
export function signDetached(
  bytes: Uint8Array,
  key: Pick<ActiveSigningKey, 'keyId' | 'privateKey'>,
): DetachedSignature {
  return {
    keyId: key.keyId,
    algorithm: SIGNING_ALGORITHM,
    signature: sign(null, bytes, key.privateKey).toString('base64'),
  }
}

/**
 * Whether `signature` is a valid signature of `bytes` by one of `publicKeys`. The key is found
 * by the id computed from the key itself, not the id a list claims, so a mislabelled entry
 * cannot make a signature verify under the wrong key. Unknown key ids, other algorithms and
 * malformed input all give false rather than throwing: callers only need yes or no.
 */
export function verifyDetached(
  bytes: Uint8Array,
  signature: { keyId: string; signature: string; algorithm?: string },
  publicKeys: readonly Pick<PublicKeyInfo, 'publicKey'>[],
): boolean {
  if (signature.algorithm !== undefined && signature.algorithm !== SIGNING_ALGORITHM) return false
  for (const entry of publicKeys) {
    const raw = Buffer.from(entry.publicKey, 'base64')
    if (raw.length !== ED25519_PUBLIC_KEY_BYTES || keyIdOf(raw) !== signature.keyId) continue
    const sig = Buffer.from(signature.signature, 'base64')
    if (sig.length !== ED25519_SIGNATURE_BYTES) return false
    try {
      return verify(null, bytes, publicKeyFromRaw(raw), sig)
    } catch {
      return false
    }
  }
  return false
}
