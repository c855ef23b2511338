// Generated from src/delivery-client/signature.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { createHash, createPublicKey, verify as verifyEd25519 } from 'node:crypto'
import { DeliveryError } from './errors.mjs'
import {
  ED25519_PUBLIC_KEY_BYTES,
  ED25519_SIGNATURE_BYTES,
  keyIdFromDigest,
  spkiOfRawPublicKey,
  strictBase64,
} from './ed25519.mjs'
/** The key id the studio uses: first 16 hex characters of sha256 of the raw public key. */
export function keyIdOf(publicKey) {
  const raw = typeof publicKey === 'string' ? decodeRawKey(publicKey) : publicKey
  return keyIdFromDigest(createHash('sha256').update(raw).digest())
}
function decodeRawKey(text) {
  const raw = strictBase64(text)
  if (raw?.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new DeliveryError(
      'invalid-argument',
      'A pinned key must be the base64 of a raw 32-byte Ed25519 public key (as listed by /api/delivery/keys).',
    )
  }
  return raw
}
/**
 * Pinned keys by the key id computed from each key, so a mislabelled entry cannot vouch for a
 * signature made with another key.
 */
export function pinnedKeyMap(pinnedKeys) {
  if (!Array.isArray(pinnedKeys) || pinnedKeys.length === 0) {
    throw new DeliveryError(
      'invalid-argument',
      'At least one pinned public key is required: the manifest signature is only as good as the keys it is checked against.',
    )
  }
  const keys = new Map()
  for (const pin of pinnedKeys) {
    const raw = decodeRawKey(typeof pin === 'string' ? pin : String(pin?.publicKey ?? ''))
    const key = createPublicKey({
      key: Buffer.from(spkiOfRawPublicKey(raw)),
      format: 'der',
      type: 'spki',
    })
    keys.set(keyIdOf(raw), key)
  }
  return keys
}
/** Throws `DeliveryError` 'unknown-key' or 'bad-signature' unless a pinned key signed `bytes`. */
export function verifyManifest({ bytes, signature, keyId, pinnedKeys }) {
  const keys = pinnedKeyMap(pinnedKeys)
  const key = keys.get(keyId)
  if (!key) {
    throw new DeliveryError(
      'unknown-key',
      `The manifest is signed with key ${keyId}, which is not pinned (pinned: ${[...keys.keys()].join(', ')}). If the studio has rotated its signing key, pin the new key after checking it with the studio.`,
    )
  }
  const sig = Buffer.from(String(signature), 'base64')
  let valid = false
  try {
    valid = sig.length === ED25519_SIGNATURE_BYTES && verifyEd25519(null, bytes, key, sig)
  } catch {
    valid = false
  }
  if (!valid) {
    throw new DeliveryError(
      'bad-signature',
      `The manifest's signature does not verify with pinned key ${keyId}: the manifest or its signature was changed after signing.`,
    )
  }
}
