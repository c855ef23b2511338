// Generated from src/domain/signing/ed25519.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
/**
 * The Ed25519 formats releases are signed in, as pure data and functions, so the studio's
 * signing adapter (`src/lib/signing`) and the delivery client apps copy agree on them by
 * construction. Nothing here may import a module: the client is built from this file too and
 * must run wherever an app runs. Hashing is left to the callers (Node's crypto, WebCrypto).
 */
export declare const SIGNING_ALGORITHM = 'Ed25519'
export declare const ED25519_PUBLIC_KEY_BYTES = 32
export declare const ED25519_SIGNATURE_BYTES = 64
export declare const ED25519_SPKI_PREFIX: Uint8Array<ArrayBufferLike>
export declare const ED25519_PKCS8_SEED_PREFIX: Uint8Array<ArrayBufferLike>
/** The DER SubjectPublicKeyInfo of a raw 32-byte Ed25519 public key. */
export declare function spkiOfRawPublicKey(raw: Uint8Array): Uint8Array
/**
 * A key's id, given the sha256 of its raw 32 bytes: the first 16 hex characters. Apps pin keys
 * and servers name them by this id, so both sides must derive it the same way.
 */
export declare function keyIdFromDigest(sha256OfRawKey: Uint8Array): string
/**
 * Base64 decoded only if it is base64, whitespace aside: lenient decoders silently skip other
 * characters, which would turn a mistyped key into a different one.
 */
export declare function strictBase64(text: string): Uint8Array | null
