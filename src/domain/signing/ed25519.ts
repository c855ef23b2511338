/**
 * The Ed25519 formats releases are signed in, as pure data and functions, so the studio's
 * signing adapter (`src/lib/signing`) and the delivery client apps copy agree on them by
 * construction. Nothing here may import a module: the client is built from this file too and
 * must run wherever an app runs. Hashing is left to the callers (Node's crypto, WebCrypto).
 */
export const SIGNING_ALGORITHM = 'Ed25519'

export const ED25519_PUBLIC_KEY_BYTES = 32
export const ED25519_SIGNATURE_BYTES = 64

// DER wrappers of a bare Ed25519 key (RFC 8410): SPKI around a 32-byte public key, PKCS#8
// around a 32-byte seed. Prepending them lets a crypto library import keys given as raw base64.
export const ED25519_SPKI_PREFIX = hexBytes('302a300506032b6570032100')
export const ED25519_PKCS8_SEED_PREFIX = hexBytes('302e020100300506032b657004220420')

/** The DER SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key. */
export function spkiOfRawPublicKey(raw: Uint8Array): Uint8Array {
  const spki = new Uint8Array(ED25519_SPKI_PREFIX.length + raw.length)
  spki.set(ED25519_SPKI_PREFIX)
  spki.set(raw, ED25519_SPKI_PREFIX.length)
  return spki
}

/**
 * A key's id, given the sha256 of its raw 32 bytes: the first 16 hex characters. Apps pin keys
 * and servers name them by this id, so both sides must derive it the same way.
 */
export function keyIdFromDigest(sha256OfRawKey: Uint8Array): string {
  return toHex(sha256OfRawKey.subarray(0, 8))
}

/**
 * Base64 decoded only if it is base64, whitespace aside: lenient decoders silently skip other
 * characters, which would turn a mistyped key into a different one.
 */
export function strictBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return null
  return Uint8Array.from(atob(compact), (char) => char.charCodeAt(0))
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16))
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
