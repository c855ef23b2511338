import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import {
  DEV_KEY_DIR,
  keyIdOf,
  loadSigningKeys,
  parsePublicKey,
  rawPublicKey,
  signDetached,
  verifyDetached,
} from '../../src/lib/signing'

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-signing-test-'))
let dirCount = 0
const freshDir = () => fs.mkdtempSync(path.join(tempRoot, `data-${dirCount++}-`))

afterAll(() => {
  fs.rmSync(tempRoot, { recursive: true, force: true })
})

/** A new Ed25519 key in every form the environment accepts. */
function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const pkcs8Pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()
  const jwk = privateKey.export({ format: 'jwk' })
  const seedBase64 = Buffer.from(jwk.d!, 'base64url').toString('base64')
  const raw = rawPublicKey(publicKey)
  return {
    pkcs8Pem,
    seedBase64,
    spkiPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicBase64: raw.toString('base64'),
    keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
  }
}

const bytes = new TextEncoder().encode('{"schema":"cdm-manifest/1"}')

describe('loadSigningKeys', () => {
  it('should load a PEM (PKCS#8) private key from CDM_SIGNING_KEY', () => {
    const key = newKey()
    const dataDir = freshDir()
    const keys = loadSigningKeys({
      env: { NODE_ENV: 'production', CDM_SIGNING_KEY: key.pkcs8Pem },
      dataDir,
    })
    expect(keys.active.keyId).toBe(key.keyId)
    expect(keys.active.publicKeyRaw.toString('base64')).toBe(key.publicBase64)
    expect(keys.active.privateKey.type).toBe('private')
    expect(keys.publicKeys).toEqual([
      { keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicBase64 },
    ])
    // A configured key never writes a development key.
    expect(fs.existsSync(path.join(dataDir, DEV_KEY_DIR))).toBe(false)
  })

  it('should load the base64 of a 32-byte seed as the same key as its PEM', () => {
    const key = newKey()
    const fromSeed = loadSigningKeys({
      env: { NODE_ENV: 'production', CDM_SIGNING_KEY: key.seedBase64 },
      dataDir: freshDir(),
    })
    expect(fromSeed.active.keyId).toBe(key.keyId)
    const signed = signDetached(bytes, fromSeed.active)
    expect(verifyDetached(bytes, signed, [{ publicKey: key.publicBase64 }])).toBe(true)
  })

  it('should accept PEM whose newlines arrive escaped as \\n', () => {
    const key = newKey()
    const keys = loadSigningKeys({
      env: { NODE_ENV: 'production', CDM_SIGNING_KEY: key.pkcs8Pem.replace(/\n/g, '\\n') },
      dataDir: freshDir(),
    })
    expect(keys.active.keyId).toBe(key.keyId)
  })

  it.each([
    ['garbage', 'not a key'],
    ['a 16-byte seed', Buffer.alloc(16, 1).toString('base64')],
    ['a public key', newKey().spkiPem],
    [
      'an RSA key',
      generateKeyPairSync('rsa', { modulusLength: 1024 })
        .privateKey.export({ format: 'pem', type: 'pkcs8' })
        .toString(),
    ],
  ])('should reject %s in CDM_SIGNING_KEY, naming the accepted forms', (_what, value) => {
    const attempt = () => loadSigningKeys({ env: { CDM_SIGNING_KEY: value }, dataDir: freshDir() })
    expect(attempt).toThrow(/CDM_SIGNING_KEY/)
    expect(attempt).toThrow(/PEM "PRIVATE KEY" block \(PKCS#8.*base64 of the 32-byte Ed25519 seed/)
  })

  it('should never echo the configured key in an error', () => {
    const secret = Buffer.alloc(31, 7).toString('base64')
    try {
      loadSigningKeys({ env: { CDM_SIGNING_KEY: secret }, dataDir: freshDir() })
      expect.unreachable()
    } catch (error) {
      expect((error as Error).message).not.toContain(secret)
    }
  })

  it('should throw in production without CDM_SIGNING_KEY and write nothing', () => {
    const dataDir = freshDir()
    expect(() => loadSigningKeys({ env: { NODE_ENV: 'production' }, dataDir })).toThrow(
      /CDM_SIGNING_KEY is required when NODE_ENV=production/,
    )
    expect(() =>
      loadSigningKeys({ env: { NODE_ENV: 'production', CDM_SIGNING_KEY: '  ' }, dataDir }),
    ).toThrow(/CDM_SIGNING_KEY is required/)
    expect(fs.readdirSync(dataDir)).toEqual([])
  })

  it('should generate a development key on first use, persist it with mode 0600 and reuse it', () => {
    const dataDir = freshDir()
    const first = loadSigningKeys({ env: { NODE_ENV: 'development' }, dataDir })
    const dir = path.join(dataDir, 'signing')
    const files = fs.readdirSync(dir)
    expect(files).toEqual([`ed25519-${first.active.keyId}.pem`])
    const file = path.join(dir, files[0])
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/)

    const second = loadSigningKeys({ env: {}, dataDir })
    expect(second.active.keyId).toBe(first.active.keyId)
    expect(fs.readdirSync(dir)).toHaveLength(1)
    const signed = signDetached(bytes, first.active)
    expect(verifyDetached(bytes, signed, second.publicKeys)).toBe(true)
  })

  it('should reuse the newest development key and still verify with the older ones', () => {
    const dataDir = freshDir()
    const dir = path.join(dataDir, 'signing')
    fs.mkdirSync(dir, { recursive: true })
    const older = newKey()
    const newer = newKey()
    const olderFile = path.join(dir, `ed25519-${older.keyId}.pem`)
    const newerFile = path.join(dir, `ed25519-${newer.keyId}.pem`)
    fs.writeFileSync(olderFile, older.pkcs8Pem, { mode: 0o600 })
    fs.writeFileSync(newerFile, newer.pkcs8Pem, { mode: 0o600 })
    fs.utimesSync(olderFile, new Date('2026-01-01'), new Date('2026-01-01'))
    fs.utimesSync(newerFile, new Date('2026-02-01'), new Date('2026-02-01'))

    const keys = loadSigningKeys({ env: {}, dataDir })
    expect(keys.active.keyId).toBe(newer.keyId)
    expect(keys.publicKeys.map((k) => k.keyId)).toEqual([newer.keyId, older.keyId])
  })

  it('should refuse a corrupt development key rather than silently replace it', () => {
    const dataDir = freshDir()
    const dir = path.join(dataDir, 'signing')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'ed25519-0123456789abcdef.pem'), 'truncated')
    expect(() => loadSigningKeys({ env: {}, dataDir })).toThrow(
      /ed25519-0123456789abcdef\.pem is not a valid Ed25519 private key.*Delete the file/,
    )
  })

  it('should give a stable key id: the first 16 hex characters of sha256 of the raw public key', () => {
    const key = newKey()
    const env = { CDM_SIGNING_KEY: key.pkcs8Pem }
    const a = loadSigningKeys({ env, dataDir: freshDir() })
    const b = loadSigningKeys({ env: { CDM_SIGNING_KEY: key.seedBase64 }, dataDir: freshDir() })
    expect(a.active.keyId).toMatch(/^[0-9a-f]{16}$/)
    expect(a.active.keyId).toBe(b.active.keyId)
    expect(a.active.keyId).toBe(keyIdOf(Buffer.from(key.publicBase64, 'base64')))
    expect(keyIdOf(Buffer.alloc(32))).toBe(
      '66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925'.slice(0, 16),
    )
  })

  it('should read rotation keys from CDM_SIGNING_PUBLIC_KEYS as PEM or base64, without duplicates', () => {
    const active = newKey()
    const retiredPem = newKey()
    const retiredRaw = newKey()
    const keys = loadSigningKeys({
      env: {
        CDM_SIGNING_KEY: active.seedBase64,
        CDM_SIGNING_PUBLIC_KEYS: ` ${retiredPem.spkiPem} ,${retiredRaw.publicBase64},${active.publicBase64},`,
      },
      dataDir: freshDir(),
    })
    expect(keys.publicKeys).toEqual([
      { keyId: active.keyId, algorithm: 'Ed25519', publicKey: active.publicBase64 },
      { keyId: retiredPem.keyId, algorithm: 'Ed25519', publicKey: retiredPem.publicBase64 },
      { keyId: retiredRaw.keyId, algorithm: 'Ed25519', publicKey: retiredRaw.publicBase64 },
    ])
  })

  it('should reject a bad CDM_SIGNING_PUBLIC_KEYS entry, naming which one and the accepted forms', () => {
    const active = newKey()
    const attempt = (list: string) => () =>
      loadSigningKeys({
        env: { CDM_SIGNING_KEY: active.seedBase64, CDM_SIGNING_PUBLIC_KEYS: list },
        dataDir: freshDir(),
      })
    expect(attempt(`${newKey().publicBase64},abc`)).toThrow(
      /CDM_SIGNING_PUBLIC_KEYS entry 2 is not a valid Ed25519 public key.*raw 32-byte/,
    )
    expect(attempt(newKey().pkcs8Pem)).toThrow(/entry 1 is a private key/)
  })
})

describe('signDetached and verifyDetached', () => {
  const key = newKey()
  const keys = loadSigningKeys({ env: { CDM_SIGNING_KEY: key.pkcs8Pem }, dataDir: tempRoot })

  it('should round-trip a signature over the exact bytes', () => {
    const signed = signDetached(bytes, keys.active)
    expect(signed.keyId).toBe(key.keyId)
    expect(signed.algorithm).toBe('Ed25519')
    expect(Buffer.from(signed.signature, 'base64')).toHaveLength(64)
    expect(verifyDetached(bytes, signed, keys.publicKeys)).toBe(true)
    // Verifiable with nothing but the published raw key and Node's own crypto.
    const spki = createPublicKey({
      key: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: Buffer.from(key.publicBase64, 'base64').toString('base64url'),
      },
      format: 'jwk',
    })
    expect(rawPublicKey(spki).toString('base64')).toBe(key.publicBase64)
  })

  it('should fail when a single byte or the signature is tampered with', () => {
    const signed = signDetached(bytes, keys.active)
    const tampered = Uint8Array.from(bytes)
    tampered[5] ^= 1
    expect(verifyDetached(tampered, signed, keys.publicKeys)).toBe(false)
    const sig = Buffer.from(signed.signature, 'base64')
    sig[0] ^= 1
    expect(
      verifyDetached(bytes, { ...signed, signature: sig.toString('base64') }, keys.publicKeys),
    ).toBe(false)
    expect(verifyDetached(bytes, { ...signed, signature: 'AAAA' }, keys.publicKeys)).toBe(false)
    expect(verifyDetached(bytes, { ...signed, algorithm: 'RS256' }, keys.publicKeys)).toBe(false)
  })

  it('should fail for an unknown key id, even when the signature itself is valid', () => {
    const signed = signDetached(bytes, keys.active)
    expect(verifyDetached(bytes, { ...signed, keyId: '0000000000000000' }, keys.publicKeys)).toBe(
      false,
    )
    expect(verifyDetached(bytes, signed, [{ publicKey: newKey().publicBase64 }])).toBe(false)
    expect(verifyDetached(bytes, signed, [])).toBe(false)
  })

  it('should not trust a listed key id that does not belong to the listed key', () => {
    const signed = signDetached(bytes, keys.active)
    const other = newKey()
    const mislabelled = [
      { keyId: key.keyId, algorithm: 'Ed25519' as const, publicKey: other.publicBase64 },
    ]
    expect(verifyDetached(bytes, signed, mislabelled)).toBe(false)
  })

  it('should verify a signature from a retired key once its public key is in CDM_SIGNING_PUBLIC_KEYS', () => {
    const oldKey = newKey()
    const oldKeys = loadSigningKeys({
      env: { CDM_SIGNING_KEY: oldKey.pkcs8Pem },
      dataDir: tempRoot,
    })
    const signedBefore = signDetached(bytes, oldKeys.active)

    const rotatedWithout = loadSigningKeys({
      env: { CDM_SIGNING_KEY: key.pkcs8Pem },
      dataDir: tempRoot,
    })
    expect(verifyDetached(bytes, signedBefore, rotatedWithout.publicKeys)).toBe(false)

    const rotated = loadSigningKeys({
      env: { CDM_SIGNING_KEY: key.pkcs8Pem, CDM_SIGNING_PUBLIC_KEYS: oldKey.publicBase64 },
      dataDir: tempRoot,
    })
    expect(rotated.active.keyId).toBe(key.keyId)
    expect(verifyDetached(bytes, signedBefore, rotated.publicKeys)).toBe(true)
    expect(verifyDetached(bytes, signDetached(bytes, rotated.active), rotated.publicKeys)).toBe(
      true,
    )
  })

  it('should parse a PEM public key to the same raw bytes as its base64 form', () => {
    const other = newKey()
    expect(parsePublicKey(other.spkiPem).toString('base64')).toBe(other.publicBase64)
    expect(parsePublicKey(other.publicBase64).toString('base64')).toBe(other.publicBase64)
  })
})
