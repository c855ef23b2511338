// Generated from src/delivery-client/webCrypto.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { DeliveryError } from './errors.mjs'
import { checkManifestAssets, checkManifestMatches, parseManifest } from './manifest.mjs'
import {
  ED25519_PUBLIC_KEY_BYTES,
  ED25519_SIGNATURE_BYTES,
  keyIdFromDigest,
  SIGNING_ALGORITHM,
  strictBase64,
} from './ed25519.mjs'
/**
 * The same checks as `verifyManifest` and the asset download, on WebCrypto (`crypto.subtle`),
 * for browsers, service workers and any runtime without `node:crypto`. Everything here is
 * asynchronous because WebCrypto is.
 */
function subtle() {
  const found = globalThis.crypto?.subtle
  if (!found) {
    throw new DeliveryError(
      'invalid-argument',
      'WebCrypto is not available here: open the app over https:// (or from localhost).',
    )
  }
  return found
}
const buffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
/** Lower-case hex sha256 of `bytes`. */
export async function sha256HexAsync(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  const digest = new Uint8Array(await subtle().digest('SHA-256', buffer(view)))
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
function rawKeyOf(pin) {
  const raw = strictBase64(typeof pin === 'string' ? pin : String(pin?.publicKey ?? ''))
  if (raw?.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new DeliveryError(
      'invalid-argument',
      'A pinned key must be the base64 of a raw 32-byte Ed25519 public key (as listed by /api/delivery/keys).',
    )
  }
  return raw
}
/** The studio's key id of a raw or base64 public key, computed with WebCrypto. */
export async function keyIdOfAsync(publicKey) {
  const raw = typeof publicKey === 'string' ? rawKeyOf(publicKey) : publicKey
  const digest = new Uint8Array(await subtle().digest('SHA-256', buffer(raw)))
  return keyIdFromDigest(digest)
}
/**
 * Throws `DeliveryError` 'unknown-key' or 'bad-signature' unless a pinned key signed `bytes`.
 * Key ids are computed from the pinned keys themselves, as `verifyManifest` does, so a
 * mislabelled pin cannot vouch for another key's signature.
 */
export async function verifyManifestAsync({ bytes, signature, keyId, pinnedKeys }) {
  if (!Array.isArray(pinnedKeys) || pinnedKeys.length === 0) {
    throw new DeliveryError(
      'invalid-argument',
      'At least one pinned public key is required: the manifest signature is only as good as the keys it is checked against.',
    )
  }
  const pinned = new Map()
  for (const pin of pinnedKeys) {
    const raw = rawKeyOf(pin)
    pinned.set(await keyIdOfAsync(raw), raw)
  }
  const raw = pinned.get(keyId)
  if (!raw) {
    throw new DeliveryError(
      'unknown-key',
      `The manifest is signed with key ${keyId}, which is not pinned (pinned: ${[...pinned.keys()].join(', ')}). If the studio has rotated its signing key, pin the new key after checking it with the studio.`,
    )
  }
  const sig = strictBase64(String(signature))
  let valid = false
  try {
    if (sig?.length === ED25519_SIGNATURE_BYTES) {
      const key = await subtle().importKey('raw', buffer(raw), { name: SIGNING_ALGORITHM }, false, [
        'verify',
      ])
      valid = await subtle().verify({ name: SIGNING_ALGORITHM }, key, buffer(sig), buffer(bytes))
    }
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
/**
 * The manifest in `bytes`, once its signature verifies with a pinned key, it is the release
 * asked for, and its asset table is usable.
 */
export async function trustedManifestAsync(input) {
  await verifyManifestAsync(input)
  const manifest = parseManifest(input.bytes)
  checkManifestMatches(manifest, input.expected)
  checkManifestAssets(manifest)
  return manifest
}
/** Throws `DeliveryError` 'bad-asset' unless `bytes` are the asset the manifest lists. */
export async function checkAssetAsync(manifest, sha256, bytes) {
  const expected = manifest.assets[sha256]
  const size = bytes.byteLength
  if (!expected) {
    throw new DeliveryError('bad-asset', `Asset ${sha256} is not in the manifest.`, { sha256 })
  }
  const actual = await sha256HexAsync(bytes)
  if (size !== expected.bytes || actual !== sha256) {
    throw new DeliveryError(
      'bad-asset',
      `Asset ${sha256} does not match the manifest (got ${size} bytes with sha256 ${actual}, expected ${expected.bytes} bytes): it was damaged or changed on the way.`,
      { sha256 },
    )
  }
}
