import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { keyIdFromDigest, spkiOfRawPublicKey, strictBase64 } from '../../src/domain/signing/ed25519'

function newRawKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const spki = publicKey.export({ format: 'der', type: 'spki' })
  return { privateKey, raw: new Uint8Array(spki.subarray(spki.length - 32)), spki }
}

describe('Ed25519 formats shared by the signer and the delivery client', () => {
  it('should wrap a raw public key in the SPKI Node exports, so it verifies signatures', () => {
    const { privateKey, raw, spki } = newRawKey()
    const wrapped = spkiOfRawPublicKey(raw)
    expect(Buffer.from(wrapped).equals(spki)).toBe(true)
    const key = createPublicKey({ key: Buffer.from(wrapped), format: 'der', type: 'spki' })
    const signature = sign(null, Buffer.from('manifest'), privateKey)
    expect(verify(null, Buffer.from('manifest'), key, signature)).toBe(true)
  })

  it('should derive the key id as the first 16 hex characters of the sha256 of the raw key', () => {
    const { raw } = newRawKey()
    const digest = createHash('sha256').update(raw).digest()
    expect(keyIdFromDigest(digest)).toBe(digest.toString('hex').slice(0, 16))
  })

  it('should decode base64 with whitespace, as Node does', () => {
    const { raw } = newRawKey()
    const text = Buffer.from(raw).toString('base64')
    expect(strictBase64(` ${text.slice(0, 20)}\n${text.slice(20)} `)).toEqual(raw)
    expect(strictBase64('')).toEqual(new Uint8Array(0))
  })

  it('should refuse text that is not base64 instead of skipping characters, as Node would', () => {
    const text = Buffer.from(newRawKey().raw).toString('base64')
    // Buffer.from(..., 'base64') skips the '!' without a word; a typo must not pass as a key.
    expect(Buffer.from(`${text.slice(0, 4)}!${text.slice(4)}`, 'base64').length).toBe(32)
    expect(strictBase64(`${text.slice(0, 4)}!${text.slice(4)}`)).toBeNull()
    expect(strictBase64(text.slice(0, -1))).toBeNull()
    expect(strictBase64(text.replace(/=$/, 'A='))).toBeNull()
    // base64url is a different alphabet; Node would accept it as base64.
    expect(strictBase64('ab-_')).toBeNull()
  })
})
