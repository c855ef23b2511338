import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import { keyIdOf, verifyManifest } from '../../src/delivery-client'
import {
  checkAssetAsync,
  keyIdOfAsync,
  trustedManifestAsync,
  verifyManifestAsync,
} from '../../src/delivery-client/browser'
import type { DeliveryManifest } from '../../src/delivery-client/types'

/** The browser path must agree with the Node one on every verdict. */
function signer() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(12)
  const base64 = Buffer.from(raw).toString('base64')
  return {
    publicKey: base64,
    keyId: keyIdOf(base64),
    sign: (bytes: Uint8Array) => sign(null, bytes, privateKey).toString('base64'),
  }
}

const asset = new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n')
const assetSha = createHash('sha256').update(asset).digest('hex')

const manifest: DeliveryManifest = {
  schema: 'cdm-manifest/3',
  toolkit: { slug: 'kit', title: 'Kit' },
  release: {
    version: '1.0.0',
    previous: null,
    publishedAt: '2026-01-01T00:00:00Z',
    changelog: [],
    credits: [],
  },
  audience: { slug: 'mainstream', label: 'Mainstream' },
  locale: 'en-GB',
  modules: [],
  assets: { [assetSha]: { bytes: asset.length, mime: 'text/vtt', file: `${assetSha}.vtt` } },
}
const bytes = new TextEncoder().encode(JSON.stringify(manifest))
const expected = { toolkit: 'kit', audience: 'mainstream', locale: 'en-GB', version: '1.0.0' }

describe('the delivery client on WebCrypto', () => {
  it('should derive the same key id as the Node client', async () => {
    const key = signer()
    expect(await keyIdOfAsync(key.publicKey)).toBe(key.keyId)
  })

  it('should accept a manifest signed by a pinned key and return it parsed', async () => {
    const key = signer()
    const signature = key.sign(bytes)
    verifyManifest({ bytes, signature, keyId: key.keyId, pinnedKeys: [key.publicKey] })
    const trusted = await trustedManifestAsync({
      bytes,
      signature,
      keyId: key.keyId,
      pinnedKeys: [{ publicKey: key.publicKey }],
      expected,
    })
    expect(trusted.toolkit.slug).toBe('kit')
  })

  it('should refuse a manifest changed after signing', async () => {
    const key = signer()
    const signature = key.sign(bytes)
    const changed = new TextEncoder().encode(JSON.stringify({ ...manifest, locale: 'cy' }))
    await expect(
      verifyManifestAsync({
        bytes: changed,
        signature,
        keyId: key.keyId,
        pinnedKeys: [key.publicKey],
      }),
    ).rejects.toMatchObject({ code: 'bad-signature' })
  })

  it('should refuse a signature by a key that is not pinned, even one labelled as pinned', async () => {
    const pinned = signer()
    const other = signer()
    await expect(
      verifyManifestAsync({
        bytes,
        signature: other.sign(bytes),
        keyId: other.keyId,
        pinnedKeys: [{ publicKey: pinned.publicKey, keyId: other.keyId }],
      }),
    ).rejects.toMatchObject({ code: 'unknown-key' })
  })

  it('should refuse a signed manifest of another output than the one asked for', async () => {
    const key = signer()
    await expect(
      trustedManifestAsync({
        bytes,
        signature: key.sign(bytes),
        keyId: key.keyId,
        pinnedKeys: [key.publicKey],
        expected: { ...expected, audience: 'female' },
      }),
    ).rejects.toMatchObject({ code: 'bad-manifest' })
  })

  it('should refuse no pinned keys at all', async () => {
    const key = signer()
    await expect(
      verifyManifestAsync({ bytes, signature: key.sign(bytes), keyId: key.keyId, pinnedKeys: [] }),
    ).rejects.toMatchObject({ code: 'invalid-argument' })
  })

  it('should accept an asset whose bytes hash to its name and refuse a changed one', async () => {
    await expect(checkAssetAsync(manifest, assetSha, asset)).resolves.toBeUndefined()
    const tampered = asset.slice()
    tampered[10] ^= 1
    await expect(checkAssetAsync(manifest, assetSha, tampered)).rejects.toMatchObject({
      code: 'bad-asset',
      sha256: assetSha,
    })
    await expect(checkAssetAsync(manifest, 'f'.repeat(64), asset)).rejects.toMatchObject({
      code: 'bad-asset',
    })
  })
})
