import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import {
  ED25519_PKCS8_SEED_PREFIX,
  ED25519_PUBLIC_KEY_BYTES,
  SIGNING_ALGORITHM,
  keyIdFromDigest,
  spkiOfRawPublicKey,
  strictBase64,
} from '../../domain/signing/ed25519'
import { dataDir as defaultDataDir } from '../config/paths'

export { SIGNING_ALGORITHM }

/** The key releases are signed with now. */
export interface ActiveSigningKey {
  keyId: string
  privateKey: KeyObject
  /** The 32-byte Ed25519 public key. */
  publicKeyRaw: Buffer
}

/** A public key as `/api/delivery/keys` publishes it. */
export interface PublicKeyInfo {
  keyId: string
  algorithm: typeof SIGNING_ALGORITHM
  /** Base64 of the raw 32-byte public key. */
  publicKey: string
}

export interface SigningKeys {
  active: ActiveSigningKey
  /** The active key first, then keys kept for verifying older signatures; no duplicates. */
  publicKeys: PublicKeyInfo[]
}

/** Where development keys live, relative to the data directory. */
export const DEV_KEY_DIR = 'signing'

const DEV_KEY_FILE = /^ed25519-[0-9a-f]{16}\.pem$/

const PRIVATE_KEY_FORMS =
  'a PEM "PRIVATE KEY" block (PKCS#8, e.g. from `openssl genpkey -algorithm ed25519`) or the base64 of the 32-byte Ed25519 seed'
const PUBLIC_KEY_FORMS =
  'a PEM "PUBLIC KEY" block (SPKI) or the base64 of the raw 32-byte Ed25519 public key'

/** First 16 hex characters of the sha256 of the raw 32-byte public key. */
export function keyIdOf(publicKeyRaw: Uint8Array): string {
  return keyIdFromDigest(createHash('sha256').update(publicKeyRaw).digest())
}

/** The raw 32 bytes of an Ed25519 public (or private) key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  return spki.subarray(spki.length - 32)
}

/** A raw 32-byte Ed25519 public key as a Node key. */
export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new Error(`An Ed25519 public key has 32 bytes, not ${raw.length}.`)
  }
  return createPublicKey({
    key: Buffer.from(spkiOfRawPublicKey(raw)),
    format: 'der',
    type: 'spki',
  })
}

export function publicKeyInfo(publicKeyRaw: Uint8Array): PublicKeyInfo {
  return {
    keyId: keyIdOf(publicKeyRaw),
    algorithm: SIGNING_ALGORITHM,
    publicKey: Buffer.from(publicKeyRaw).toString('base64'),
  }
}

/**
 * Parses an Ed25519 private key given as PEM (PKCS#8) or as the base64 of its 32-byte seed.
 * `source` names where it came from; the key itself never appears in an error message.
 */
export function parsePrivateKey(value: string, source = 'The signing key'): KeyObject {
  const text = unescapeNewlines(value.trim())
  let key: KeyObject
  try {
    if (text.startsWith('-----BEGIN')) {
      key = createPrivateKey({ key: text, format: 'pem' })
    } else {
      const seed = strictBase64(text)
      if (seed?.length !== 32) throw new Error('not a 32-byte seed')
      key = createPrivateKey({
        key: Buffer.concat([ED25519_PKCS8_SEED_PREFIX, seed]),
        format: 'der',
        type: 'pkcs8',
      })
    }
  } catch {
    throw new Error(`${source} is not a valid Ed25519 private key. Use ${PRIVATE_KEY_FORMS}.`)
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `${source} is a ${key.asymmetricKeyType ?? 'unknown'} key, but releases are signed with Ed25519. Use ${PRIVATE_KEY_FORMS}.`,
    )
  }
  return key
}

/** Parses an Ed25519 public key given as PEM (SPKI) or as base64 of its raw 32 bytes. */
export function parsePublicKey(value: string, source = 'The public key'): Buffer {
  const text = unescapeNewlines(value.trim())
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    // Refuse rather than derive: a private key in a public-key list is a leak waiting to happen.
    throw new Error(`${source} is a private key; list only public keys. Use ${PUBLIC_KEY_FORMS}.`)
  }
  let key: KeyObject
  try {
    if (text.startsWith('-----BEGIN')) {
      key = createPublicKey({ key: text, format: 'pem' })
    } else {
      const raw = strictBase64(text)
      if (raw?.length !== ED25519_PUBLIC_KEY_BYTES) throw new Error('not 32 bytes')
      key = publicKeyFromRaw(raw)
    }
  } catch {
    throw new Error(`${source} is not a valid Ed25519 public key. Use ${PUBLIC_KEY_FORMS}.`)
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `${source} is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519. Use ${PUBLIC_KEY_FORMS}.`,
    )
  }
  return rawPublicKey(key)
}

export interface LoadSigningKeysOptions {
  env?: Readonly<Record<string, string | undefined>>
  /** Where development keys are kept (under `signing/`); defaults to DATA_DIR or `data/`. */
  dataDir?: string
}

/**
 * The key to sign releases with and every public key that verifies them.
 *
 * - `CDM_SIGNING_KEY`: the active private key. Production must set it, because a generated key
 *   would change whenever the disk does and apps that pinned the old one would reject releases.
 * - Without it outside production, a key is generated on first use and kept in
 *   `<dataDir>/signing/ed25519-<keyId>.pem` (0600); the newest such file is reused, and the
 *   others still verify so deleting nothing breaks older local signatures.
 * - `CDM_SIGNING_PUBLIC_KEYS`: comma-separated public keys of retired signing keys, so releases
 *   signed before a rotation keep verifying.
 */
export function loadSigningKeys(options: LoadSigningKeysOptions = {}): SigningKeys {
  const env = options.env ?? process.env
  const configured = env.CDM_SIGNING_KEY?.trim()
  let privateKey: KeyObject
  let devPublicKeys: Buffer[] = []
  if (configured) {
    privateKey = parsePrivateKey(configured, 'CDM_SIGNING_KEY')
  } else if (env.NODE_ENV === 'production') {
    throw new Error(
      `CDM_SIGNING_KEY is required when NODE_ENV=production: releases must be signed with a key that apps can pin. Set it to ${PRIVATE_KEY_FORMS}, and publish its public key to the delivery apps.`,
    )
  } else {
    const dev = devKey(path.join(options.dataDir ?? defaultDataDir(), DEV_KEY_DIR))
    privateKey = dev.active
    devPublicKeys = dev.all.map(rawPublicKey)
  }

  const publicKeyRaw = rawPublicKey(privateKey)
  const extra = (env.CDM_SIGNING_PUBLIC_KEYS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => parsePublicKey(entry, `CDM_SIGNING_PUBLIC_KEYS entry ${i + 1}`))

  const publicKeys: PublicKeyInfo[] = []
  for (const raw of [publicKeyRaw, ...extra, ...devPublicKeys]) {
    const info = publicKeyInfo(raw)
    if (!publicKeys.some((known) => known.keyId === info.keyId)) publicKeys.push(info)
  }
  return {
    active: { keyId: keyIdOf(publicKeyRaw), privateKey, publicKeyRaw },
    publicKeys,
  }
}

/** The newest development key in `dir` (generating one if there is none), and all of them. */
function devKey(dir: string): { active: KeyObject; all: KeyObject[] } {
  let files = listDevKeys(dir)
  if (files.length === 0) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const { privateKey } = generateKeyPairSync('ed25519')
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
    const file = path.join(dir, `ed25519-${keyIdOf(rawPublicKey(privateKey))}.pem`)
    // Written under a temporary name and renamed, so a crash never leaves a truncated key that
    // a later start would pick as the newest.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`
    fs.writeFileSync(tmp, pem, { mode: 0o600 })
    fs.renameSync(tmp, file)
    // Listed again so two processes starting together settle on the same (newest) key.
    files = listDevKeys(dir)
  }
  const all = files.map((file) => {
    try {
      return parsePrivateKey(fs.readFileSync(file, 'utf8'), `The development signing key ${file}`)
    } catch (error) {
      // Not replaced silently: a new key would make everything signed so far unverifiable.
      throw new Error(
        `${(error as Error).message} Delete the file to generate a new development key.`,
      )
    }
  })
  return { active: all[0], all }
}

/** Development key files, newest first. */
function listDevKeys(dir: string): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return names
    .filter((name) => DEV_KEY_FILE.test(name))
    .map((name) => {
      const file = path.join(dir, name)
      return { file, name, mtime: fs.statSync(file).mtimeMs }
    })
    .sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((entry) => entry.file)
}

/** Environment variables often carry PEM with literal `\n`; turn them back into newlines. */
function unescapeNewlines(text: string): string {
  return text.includes('-----BEGIN') ? text.replace(/\\n/g, '\n') : text
}
