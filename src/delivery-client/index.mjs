// @ts-check
/**
 * CDM Studio delivery client: fetch a toolkit release, check its Ed25519 signature against keys
 * the app pinned, and keep an offline copy in sync, downloading only files it does not have.
 *
 * Plain JavaScript with no dependencies beyond Node (>= 20) so that an app can copy this folder
 * as it is and the CLI (`scripts/delivery-sync.mjs`) runs without a build step. Types are in
 * `index.d.mts`.
 *
 * Offline copy layout:
 *   <outDir>/manifest.json       the exact signed bytes
 *   <outDir>/manifest.sig.json   { keyId, signature }
 *   <outDir>/manifest.etag       the server's ETag, so an unchanged manifest is not re-sent
 *   <outDir>/assets/<sha256>     every file of the release, named by its hash
 */
import { createHash, createPublicKey, verify as verifyEd25519 } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

import { DeliveryError } from './errors.mjs'
import {
  compareVersions,
  defaultStateFile,
  installedIn,
  readState,
  recordInstalled,
  recordWithdrawn,
  writeAtomic,
} from './state.mjs'

export { DeliveryError }
export {
  compareVersions,
  defaultStateFile,
  readState,
  trustKeys,
  trustedKeysFor,
} from './state.mjs'

/**
 * @typedef {import('./index.mjs').DeliveryErrorCode} DeliveryErrorCode
 * @typedef {import('./index.mjs').DeliveryManifest} DeliveryManifest
 * @typedef {import('./index.mjs').PinnedKey} PinnedKey
 * @typedef {import('./index.mjs').PublishedKey} PublishedKey
 * @typedef {import('./index.mjs').ReleaseQuery} ReleaseQuery
 * @typedef {import('./index.mjs').LatestRelease} LatestRelease
 * @typedef {import('./index.mjs').FetchedManifest} FetchedManifest
 * @typedef {import('./index.mjs').NotModified} NotModified
 * @typedef {import('./index.mjs').VerifyManifestInput} VerifyManifestInput
 * @typedef {import('./index.mjs').SyncOptions} SyncOptions
 * @typedef {import('./index.mjs').SyncProgress} SyncProgress
 * @typedef {import('./index.mjs').SyncResult} SyncResult
 * @typedef {import('./index.mjs').DeliveryClient} DeliveryClient
 * @typedef {import('./index.mjs').DeliveryClientOptions} DeliveryClientOptions
 * @typedef {{ bytes: Uint8Array, signature: string, keyId: string, etag: string | null }} SignedBytes
 */

export const MANIFEST_SCHEMA = 'cdm-manifest/1'

const SHA256 = /^[0-9a-f]{64}$/
const ASSET_FILE = /^([0-9a-f]{64})(\.part)?$/
// DER header of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows it.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const MANIFEST_FILE = 'manifest.json'
const SIGNATURE_FILE = 'manifest.sig.json'
const ETAG_FILE = 'manifest.etag'
/** Default cap on a manifest's size, checked while it streams in and before it is parsed. */
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024
// The other API answers are a few hundred bytes; this only stops a hostile server.
const MAX_JSON_BYTES = 1024 * 1024

/** @type {Record<number, DeliveryErrorCode>} */
const STATUS_CODES = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  410: 'gone',
}

// ---------------------------------------------------------------------------------------------
// Keys and signatures

/**
 * @param {string | Uint8Array} publicKey base64 of the raw key, or the raw bytes
 * @returns {string}
 */
export function keyIdOf(publicKey) {
  const raw = typeof publicKey === 'string' ? decodeRawKey(publicKey) : publicKey
  return createHash('sha256').update(raw).digest('hex').slice(0, 16)
}

/** @param {string} text */
function decodeRawKey(text) {
  const compact = text.replace(/\s+/g, '')
  // Buffer.from skips characters that are not base64, so check the alphabet first.
  const raw =
    /^[A-Za-z0-9+/]*={0,2}$/.test(compact) && compact.length % 4 === 0
      ? Buffer.from(compact, 'base64')
      : null
  if (raw?.length !== 32) {
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
 * @param {readonly PinnedKey[] | undefined} pinnedKeys
 */
function pinnedKeyMap(pinnedKeys) {
  if (!Array.isArray(pinnedKeys) || pinnedKeys.length === 0) {
    throw new DeliveryError(
      'invalid-argument',
      'At least one pinned public key is required: the manifest signature is only as good as the keys it is checked against.',
    )
  }
  /** @type {Map<string, import('node:crypto').KeyObject>} */
  const keys = new Map()
  for (const pin of pinnedKeys) {
    const raw = decodeRawKey(typeof pin === 'string' ? pin : String(pin?.publicKey ?? ''))
    const key = createPublicKey({
      key: Buffer.concat([SPKI_PREFIX, raw]),
      format: 'der',
      type: 'spki',
    })
    keys.set(keyIdOf(raw), key)
  }
  return keys
}

/** @param {VerifyManifestInput} input */
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
    valid = sig.length === 64 && verifyEd25519(null, bytes, key, sig)
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

// ---------------------------------------------------------------------------------------------
// Manifest checks

/**
 * @param {Uint8Array} bytes
 * @returns {DeliveryManifest}
 */
function parseManifest(bytes) {
  /** @type {any} */
  let value
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw new DeliveryError('bad-manifest', 'The manifest is not valid UTF-8 JSON.', {
      cause: error,
    })
  }
  if (!isObject(value) || value.schema !== MANIFEST_SCHEMA) {
    throw new DeliveryError(
      'bad-manifest',
      `The manifest is not a ${MANIFEST_SCHEMA} document (schema: ${JSON.stringify(isObject(value) ? value.schema : undefined)}); this client may be too old for it.`,
    )
  }
  return /** @type {DeliveryManifest} */ (value)
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Checks what the JSON Schema cannot: every file the manifest points at is listed in its asset
 * table. Also rejects table entries that could not be stored safely: keys become file names.
 * @param {DeliveryManifest} manifest
 */
export function checkManifestAssets(manifest) {
  const problems = []
  const assets = isObject(manifest.assets) ? manifest.assets : null
  if (!assets) problems.push('It has no asset table.')
  for (const [sha, asset] of Object.entries(assets ?? {})) {
    if (!SHA256.test(sha)) problems.push(`Asset key ${JSON.stringify(sha)} is not a sha256.`)
    else if (!isObject(asset) || !Number.isSafeInteger(asset.bytes) || asset.bytes < 0) {
      problems.push(`Asset ${sha} has no valid size.`)
    }
  }
  /** @param {unknown} sha @param {string} at */
  const use = (sha, at) => {
    if (typeof sha !== 'string' || !assets || !Object.hasOwn(assets, sha)) {
      problems.push(`${at} points at ${JSON.stringify(sha)}, which the asset table does not list.`)
    }
  }
  /** @param {unknown} value @param {string} at @returns {any[]} */
  const list = (value, at) => {
    if (Array.isArray(value)) return value
    problems.push(`${at} is not a list.`)
    return []
  }
  list(manifest.modules, 'modules').forEach((module, m) =>
    list(module?.exercises, `modules[${m}].exercises`).forEach((exercise, e) => {
      const at = `modules[${m}].exercises[${e}].clip`
      const clip = exercise?.clip
      if (!isObject(clip)) return problems.push(`${at} is missing.`)
      use(clip.poster, `${at}.poster`)
      use(clip.hls, `${at}.hls`)
      list(clip.offline, `${at}.offline`).forEach((o, i) => use(o?.sha256, `${at}.offline[${i}]`))
      list(clip.voiceTracks, `${at}.voiceTracks`).forEach((v, i) =>
        use(v?.sha256, `${at}.voiceTracks[${i}]`),
      )
      list(clip.captions, `${at}.captions`).forEach((c, i) =>
        use(c?.sha256, `${at}.captions[${i}]`),
      )
    }),
  )
  if (problems.length > 0) {
    throw new DeliveryError('bad-manifest', `The manifest is unusable: ${problems.join(' ')}`)
  }
}

/**
 * A correctly signed manifest can still be the wrong one (a replayed manifest of another
 * audience, locale or toolkit), so it must describe exactly what was asked for.
 * @param {DeliveryManifest} manifest
 * @param {ReleaseQuery & { version: string }} expected
 */
function checkManifestMatches(manifest, expected) {
  const actual = {
    toolkit: manifest.toolkit?.slug,
    audience: manifest.audience?.slug,
    locale: manifest.locale,
    version: manifest.release?.version,
  }
  const wrong = /** @type {(keyof typeof actual)[]} */ (Object.keys(actual)).filter(
    (field) => actual[field] !== expected[field],
  )
  if (wrong.length > 0) {
    throw new DeliveryError(
      'bad-manifest',
      `The manifest is not the one asked for: ${wrong
        .map((f) => `${f} is ${JSON.stringify(actual[f])}, expected ${JSON.stringify(expected[f])}`)
        .join('; ')}.`,
    )
  }
}

// ---------------------------------------------------------------------------------------------
// Client

/**
 * @param {DeliveryClientOptions} options
 * @returns {DeliveryClient}
 */
export function createDeliveryClient({
  baseUrl,
  apiKey,
  fetch: fetchImpl,
  maxManifestBytes = MAX_MANIFEST_BYTES,
}) {
  /** @type {URL} */
  let parsed
  try {
    parsed = new URL(baseUrl)
  } catch {
    throw new DeliveryError('invalid-argument', `baseUrl ${JSON.stringify(baseUrl)} is not a URL.`)
  }
  refuseInsecure(parsed, 'baseUrl')
  const { origin } = parsed
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new DeliveryError('invalid-argument', 'An API key is required.')
  }
  const doFetch = fetchImpl ?? globalThis.fetch.bind(globalThis)
  const base = baseUrl.replace(/\/+$/, '')

  /** Paths the server hands out (`/api/...`) are resolved against baseUrl, keeping its path. */
  const resolve = (/** @type {string} */ url) =>
    /^https?:\/\//i.test(url) ? url : `${base}${url.startsWith('/') ? '' : '/'}${url}`

  /**
   * @param {string} url
   * @param {{ headers?: Record<string, string>, signal?: AbortSignal, okStatuses?: number[] }} [init]
   */
  async function request(url, init = {}) {
    let target = resolve(url)
    // Redirects are followed by hand so the API key goes to the studio's own origin only,
    // never to a CDN or storage host an asset redirects to.
    for (let hops = 0; ; hops++) {
      const headers = { ...init.headers }
      if (new URL(target).origin === origin) {
        headers.Authorization = `delivery-apps API-Key ${apiKey}`
      }
      /** @type {Response} */
      let response
      try {
        response = await raceAbort(
          doFetch(target, { headers, signal: init.signal, redirect: 'manual' }),
          init.signal,
        )
      } catch (error) {
        if (init.signal?.aborted) throw aborted(error)
        throw new DeliveryError(
          'network',
          `Could not reach ${displayUrl(target)}: ${describe(error)}.`,
          { url: target, cause: error },
        )
      }
      const location = response.headers.get('location')
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel()
        if (!location || hops >= 5) {
          throw new DeliveryError(
            'bad-response',
            `${displayUrl(target)} redirected ${location ? 'too many times' : 'without a Location'}.`,
            { status: response.status, url: target },
          )
        }
        const next = new URL(location, target)
        // An https studio must not be talked down to plain http by a redirect.
        refuseInsecure(next, `${displayUrl(target)} redirected to a URL that`)
        target = next.toString()
        continue
      }
      if (response.ok || init.okStatuses?.includes(response.status)) return response
      throw await httpError(response, target)
    }
  }

  /**
   * @param {string} url
   * @param {{ signal?: AbortSignal }} [init]
   */
  async function getJson(url, init) {
    const response = await request(url, init)
    const bytes = await readCapped(response, {
      limit: MAX_JSON_BYTES,
      what: `The answer from ${displayUrl(resolve(url))}`,
      url: resolve(url),
      signal: init?.signal,
    })
    try {
      return JSON.parse(new TextDecoder().decode(bytes))
    } catch (error) {
      throw new DeliveryError(
        'bad-response',
        `${displayUrl(resolve(url))} did not answer with JSON.`,
        { url: resolve(url), cause: error },
      )
    }
  }

  /** @type {DeliveryClient['latest']} */
  async function latest({ toolkit, audience, locale }, options = {}) {
    const query = new URLSearchParams({ audience, locale })
    const url = `/api/delivery/toolkits/${encodeURIComponent(toolkit)}/releases/latest?${query}`
    const body = await getJson(url, options)
    if (
      !isObject(body) ||
      typeof body.version !== 'string' ||
      typeof body.manifestUrl !== 'string'
    ) {
      throw new DeliveryError(
        'bad-response',
        `${displayUrl(resolve(url))} did not name a release version and manifest URL.`,
        { url: resolve(url) },
      )
    }
    return {
      version: body.version,
      manifestUrl: body.manifestUrl,
      bundleUrl: typeof body.bundleUrl === 'string' ? body.bundleUrl : null,
      publishedAt: typeof body.publishedAt === 'string' ? body.publishedAt : '',
      withdrawn: Array.isArray(body.withdrawn)
        ? body.withdrawn
            .filter((/** @type {any} */ w) => isObject(w) && typeof w.version === 'string')
            .map((/** @type {any} */ w) => ({
              version: w.version,
              reason: typeof w.reason === 'string' ? w.reason : null,
            }))
        : [],
    }
  }

  /** @type {DeliveryClient['keys']} */
  async function keys(options = {}) {
    const body = await getJson('/api/delivery/keys', options)
    if (!isObject(body) || !Array.isArray(body.keys)) {
      throw new DeliveryError('bad-response', '/api/delivery/keys did not list keys.')
    }
    return body.keys
  }

  /**
   * The manifest's bytes and signature headers, without parsing or trusting anything.
   * @param {string} url
   * @param {{ etag?: string | null, signal?: AbortSignal }} options
   * @returns {Promise<SignedBytes | NotModified>}
   */
  async function fetchSignedBytes(url, { etag, signal }) {
    const response = await request(url, {
      headers: etag ? { 'If-None-Match': etag } : {},
      signal,
      okStatuses: [304],
    })
    if (response.status === 304) {
      await response.body?.cancel()
      return { notModified: true }
    }
    // Read with a cap, before any parsing: a hostile server could send an endless manifest.
    const bytes = await readCapped(response, {
      limit: maxManifestBytes,
      what: 'The manifest',
      url: resolve(url),
      signal,
    })
    const signature = response.headers.get('x-cdm-signature')
    const keyId = response.headers.get('x-cdm-key-id')
    if (!signature || !keyId) {
      throw new DeliveryError(
        'bad-signature',
        `The manifest from ${displayUrl(resolve(url))} came without X-CDM-Signature and X-CDM-Key-Id headers, so it cannot be trusted.`,
        { url: resolve(url) },
      )
    }
    return {
      bytes,
      signature: signature.trim(),
      keyId: keyId.trim(),
      etag: response.headers.get('etag'),
    }
  }

  /** @type {DeliveryClient['fetchManifest']} */
  async function fetchManifest(url, options = {}) {
    const got = await fetchSignedBytes(url, options)
    if ('notModified' in got) return got
    return { ...got, manifest: parseManifest(got.bytes) }
  }

  /** @type {DeliveryClient['syncRelease']} */
  async function syncRelease(options) {
    const { toolkit, audience, locale, outDir, onProgress, signal } = options
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? 4))
    const retries = Math.max(0, Math.floor(options.retries ?? 2))
    // Checked before any network traffic: without pins there is nothing to verify against.
    pinnedKeyMap(options.pinnedKeys)
    if (typeof outDir !== 'string' || outDir === '') {
      throw new DeliveryError('invalid-argument', 'outDir is required.')
    }
    const query = { toolkit, audience, locale }
    const stateFile = stateFileFor(outDir, options.stateFile)
    // A damaged state file stops the sync here, before anything is fetched or changed.
    await readState(stateFile)

    const progress = { assetsDone: 0, assetsTotal: 0, bytesDone: 0, bytesTotal: 0 }
    /** @param {SyncProgress['phase']} phase @param {string} [current] */
    const report = (phase, current) =>
      onProgress?.({ phase, ...progress, ...(current ? { current } : {}) })

    report('manifest')
    const release = await latest(query, { signal })
    const expected = { ...query, version: release.version }
    if (release.withdrawn.length > 0) await recordWithdrawn(stateFile, query, release.withdrawn)

    // Ask for the manifest conditionally only when the local copy is intact and is this very
    // release; a 304 then means the local bytes are exactly what the server would send.
    const localCopy = await readLocalManifest(outDir, options.pinnedKeys, maxManifestBytes)
    const local = localCopy && matches(localCopy.manifest, expected) ? localCopy : null
    let signed
    try {
      signed = await fetchSignedBytes(release.manifestUrl, { etag: local?.etag, signal })
    } catch (error) {
      if (error instanceof DeliveryError && error.code === 'gone') {
        await recordWithdrawn(stateFile, query, [{ version: release.version, reason: null }])
      }
      throw error
    }
    if ('notModified' in signed) {
      if (!local) {
        throw new DeliveryError(
          'bad-response',
          'The server answered 304 Not Modified to an unconditional request.',
        )
      }
      signed = local
    }
    verifyManifest({ ...signed, pinnedKeys: options.pinnedKeys })
    const manifest = parseManifest(signed.bytes)
    checkManifestMatches(manifest, expected)
    checkManifestAssets(manifest)
    // Checked on the signed version, before a single file changes. A folder synced before the
    // client kept state vouches for its own (verified) version.
    const installed = installedIn(await readState(stateFile), query)
    installed.highest ??= localCopy && matches(localCopy.manifest, query) ? localCopy.version : null
    refuseOlderOrWithdrawn({ version: release.version, installed, query, stateFile })

    const entries = Object.entries(manifest.assets).sort(([a], [b]) => (a < b ? -1 : 1))
    progress.assetsTotal = entries.length
    progress.bytesTotal = entries.reduce((sum, [, asset]) => sum + asset.bytes, 0)
    const assetDir = path.join(outDir, 'assets')
    await fs.mkdir(assetDir, { recursive: true })
    report('assets')

    /** @type {string[]} */
    const downloaded = []
    /** @type {string[]} */
    const reused = []
    let bytesDownloaded = 0
    // Per asset, the most bytes ever counted toward bytesDone, so a restarted download does
    // not count twice and progress never goes backwards.
    /** @type {Map<string, number>} */
    const counted = new Map()
    const advance = (/** @type {string} */ sha, /** @type {number} */ have) => {
      const before = counted.get(sha) ?? 0
      if (have > before) {
        progress.bytesDone += have - before
        counted.set(sha, have)
      }
    }

    // One failure stops the rest: in-flight downloads are aborted (their .part files stay for
    // the next attempt) and the first error is what the caller sees. Hence a controller of our
    // own, which the caller's signal feeds.
    const stop = new AbortController()
    const taskSignal = stop.signal
    const forwardAbort = () => stop.abort(signal?.reason)
    if (signal?.aborted) forwardAbort()
    else signal?.addEventListener('abort', forwardAbort, { once: true })
    /** @type {unknown} */
    let failure = null
    const queue = [...entries]

    const syncAsset = async (/** @type {string} */ sha, /** @type {number} */ size) => {
      const file = path.join(assetDir, sha)
      if (await isIntact(file, sha, size)) {
        reused.push(sha)
      } else {
        await downloadAsset(sha, size, file)
        downloaded.push(sha)
      }
      advance(sha, size)
      progress.assetsDone += 1
      report('assets', sha)
    }

    /**
     * Downloads into `<sha>.part`, resuming from what a previous attempt left there, and only
     * renames the file into place once its size and sha256 are right.
     * @param {string} sha @param {number} size @param {string} file
     */
    const downloadAsset = async (sha, size, file) => {
      const part = `${file}.part`
      const url = resolve(`/api/delivery/assets/${sha}`)
      let attempt = 0
      let restarted = false
      for (;;) {
        const resuming = (await fileSize(part)) > 0
        try {
          await downloadOnce(sha, size, part, url)
          await fs.rename(part, file)
          return
        } catch (error) {
          if (taskSignal.aborted) throw aborted(error)
          const code = error instanceof DeliveryError ? error.code : null
          const status = error instanceof DeliveryError ? error.status : undefined
          const resumeFailed = code === 'bad-asset' || code === 'bad-response' || status === 416
          if (resuming && !restarted && resumeFailed) {
            // The bytes kept from an earlier attempt may be what is wrong (or the server cannot
            // resume): start over once from nothing before blaming the server.
            restarted = true
            await fs.rm(part, { force: true })
            continue
          }
          if (code === 'network' && attempt < retries) {
            attempt += 1
            await sleep(250 * attempt, taskSignal)
            continue
          }
          throw error
        }
      }
    }

    /**
     * One attempt, continuing from the bytes already in `part`.
     * @param {string} sha @param {number} size @param {string} part @param {string} url
     */
    const downloadOnce = async (sha, size, part, url) => {
      let start = await fileSize(part)
      if (start > size) start = 0
      if (start === 0) await fs.rm(part, { force: true })
      let hash = createHash('sha256')
      if (start > 0) await hashFile(part, hash)
      advance(sha, start)
      if (start === size) return finishAsset(sha, size, part, hash, start)

      const response = await request(url, {
        headers: start > 0 ? { Range: `bytes=${start}-` } : {},
        signal: taskSignal,
      })
      if (response.status === 206) {
        const contentRange = response.headers.get('content-range') ?? ''
        const range = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(contentRange)
        if (!range || Number(range[1]) !== start) {
          await response.body?.cancel()
          throw new DeliveryError(
            'bad-response',
            `Asset ${sha}: asked for the bytes from ${start}, but the server sent Content-Range ${JSON.stringify(contentRange)}.`,
            { url, sha256: sha },
          )
        }
      } else if (start > 0) {
        // The server ignored the Range header and is sending the whole file: start over.
        start = 0
        hash = createHash('sha256')
      }
      return downloadBody(sha, size, part, url, response, hash, start)
    }

    /**
     * Streams the response to `part`, hashing as it goes, so nothing is read twice.
     * @param {string} sha @param {number} size @param {string} part @param {string} url
     * @param {Response} response @param {import('node:crypto').Hash} hash
     * @param {number} start bytes already in `part` (and in `hash`)
     */
    const downloadBody = async (sha, size, part, url, response, hash, start) => {
      let have = start
      const handle = await fs.open(part, start > 0 ? 'a' : 'w')
      const reader = response.body?.getReader()
      try {
        for (;;) {
          // Raced with the abort signal: see raceAbort.
          const next = reader ? await raceAbort(reader.read(), taskSignal) : null
          if (!next || next.done) break
          const chunk = next.value
          if (have + chunk.length > size) {
            throw new DeliveryError(
              'bad-asset',
              `Asset ${sha} is larger than the ${size} bytes the manifest lists. The download was discarded and nothing was installed.`,
              { url, sha256: sha },
            )
          }
          hash.update(chunk)
          await handle.write(chunk)
          have += chunk.length
          bytesDownloaded += chunk.length
          advance(sha, have)
          report('assets', sha)
        }
        // Flushed before the rename, so a power cut cannot leave a short file under the
        // final name.
        await handle.sync()
      } catch (error) {
        // Not awaited: after an abort, undici may never settle it.
        reader?.cancel().catch(() => {})
        await handle.close().catch(() => {})
        if (error instanceof DeliveryError) {
          await fs.rm(part, { force: true })
          throw error
        }
        if (taskSignal.aborted) throw aborted(error)
        throw new DeliveryError(
          'network',
          `The download of asset ${sha} broke off after ${have} of ${size} bytes (${describe(error)}); the next attempt resumes from there.`,
          { url, sha256: sha, cause: error },
        )
      }
      await handle.close()
      return finishAsset(sha, size, part, hash, have)
    }

    /**
     * @param {string} sha @param {number} size @param {string} part
     * @param {import('node:crypto').Hash} hash @param {number} have
     */
    const finishAsset = async (sha, size, part, hash, have) => {
      const actual = hash.digest('hex')
      if (have !== size || actual !== sha) {
        await fs.rm(part, { force: true })
        const what =
          have !== size
            ? `the server sent ${have} bytes, the manifest lists ${size}`
            : `its sha256 is ${actual}`
        throw new DeliveryError(
          'bad-asset',
          `Asset ${sha} failed verification: ${what}. The download was discarded and nothing was installed.`,
          { sha256: sha },
        )
      }
    }

    const worker = async () => {
      while (queue.length > 0 && !failure) {
        const [sha, asset] = /** @type {[string, { bytes: number }]} */ (queue.shift())
        try {
          await syncAsset(sha, asset.bytes)
        } catch (error) {
          if (!failure) {
            failure = error
            stop.abort()
          }
        }
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker))
    } finally {
      signal?.removeEventListener('abort', forwardAbort)
    }
    if (failure) throw failure

    // Only now, with every file present and verified, does the new manifest take effect. The
    // signature goes first so the manifest rename is the single step that switches releases.
    report('finalise')
    // Recorded before the switch: if the switch fails, the next sync of this same version
    // completes it, and nothing older can get in meanwhile.
    await recordInstalled(stateFile, query, release.version)
    const sig = JSON.stringify({ keyId: signed.keyId, signature: signed.signature }, null, 2)
    await writeAtomic(path.join(outDir, SIGNATURE_FILE), `${sig}\n`)
    await writeAtomic(path.join(outDir, MANIFEST_FILE), signed.bytes)
    if (signed.etag) await writeAtomic(path.join(outDir, ETAG_FILE), signed.etag)
    else await fs.rm(path.join(outDir, ETAG_FILE), { force: true })

    // Files of the previous release are deleted last: until the manifest switched they were
    // still in use.
    /** @type {string[]} */
    const removed = []
    for (const name of await fs.readdir(assetDir)) {
      const match = ASSET_FILE.exec(name)
      if (!match || Object.hasOwn(manifest.assets, match[1])) continue
      await fs.rm(path.join(assetDir, name), { force: true })
      if (!match[2]) removed.push(match[1])
    }
    report('finalise')

    return {
      version: release.version,
      downloaded: downloaded.sort(),
      reused: reused.sort(),
      removed: removed.sort(),
      bytesDownloaded,
    }
  }

  return {
    baseUrl: base,
    latest,
    keys,
    fetchManifest,
    verifyManifest,
    syncRelease,
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/**
 * The local manifest with its ETag, if it is no larger than `limit` and verifies against the
 * pins; anything else (missing, damaged, too large) is treated as absent.
 * @param {string} outDir @param {readonly PinnedKey[]} pinnedKeys @param {number} limit
 * @returns {Promise<(SignedBytes & { manifest: DeliveryManifest, version: string }) | null>}
 */
async function readLocalManifest(outDir, pinnedKeys, limit) {
  try {
    const file = path.join(outDir, MANIFEST_FILE)
    if ((await fs.stat(file)).size > limit) return null
    const bytes = new Uint8Array(await fs.readFile(file))
    const sig = JSON.parse(await fs.readFile(path.join(outDir, SIGNATURE_FILE), 'utf8'))
    const etag = (await fs.readFile(path.join(outDir, ETAG_FILE), 'utf8').catch(() => '')).trim()
    verifyManifest({ bytes, signature: sig.signature, keyId: sig.keyId, pinnedKeys })
    const manifest = parseManifest(bytes)
    const version = manifest.release?.version
    if (typeof version !== 'string') return null
    return {
      bytes,
      signature: sig.signature,
      keyId: sig.keyId,
      etag: etag || null,
      manifest,
      version,
    }
  } catch {
    return null
  }
}

/**
 * Whether a manifest is of this toolkit, audience and locale (and version, when given).
 * @param {DeliveryManifest} manifest @param {ReleaseQuery & { version?: string }} expected
 */
function matches(manifest, expected) {
  try {
    checkManifestMatches(manifest, { version: manifest.release?.version, ...expected })
    return true
  } catch {
    return false
  }
}

/**
 * The state file, which must not sit inside the content folder: whoever can replace the
 * content must not also reset the record of what was installed.
 * @param {string} outDir @param {string | undefined} stateFile
 */
function stateFileFor(outDir, stateFile) {
  const file = path.resolve(stateFile ?? defaultStateFile(outDir))
  const inside = path.relative(path.resolve(outDir), file)
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new DeliveryError(
      'invalid-argument',
      `The state file ${file} is inside the content folder ${path.resolve(outDir)}; keep it outside (the default is beside it, ${defaultStateFile(outDir)}).`,
    )
  }
  return file
}

/**
 * Refuses a validly signed release that is older than one already installed here, or that the
 * studio has withdrawn: a stale cache or a hostile mirror replaying it must not roll a device
 * back (and delete the newer files).
 * @param {{ version: string, installed: import('./index.mjs').InstalledRelease, query: ReleaseQuery, stateFile: string }} input
 */
function refuseOlderOrWithdrawn({ version, installed, query, stateFile }) {
  const where = `${query.toolkit} (audience ${query.audience}, ${query.locale})`
  if (Object.hasOwn(installed.withdrawn, version)) {
    const reason = installed.withdrawn[version]?.replace(/[.\s]+$/, '')
    throw new DeliveryError(
      'withdrawn',
      `Release ${version} of ${where} was withdrawn by the studio${reason ? `: ${reason}` : ''}. It is validly signed, but a withdrawn release is never installed; nothing was changed.`,
    )
  }
  const { highest } = installed
  if (highest && compareVersions(version, highest) < 0) {
    const highestWithdrawn = Object.hasOwn(installed.withdrawn, highest)
    throw new DeliveryError(
      'rollback',
      `The server offers release ${version} of ${where}, older than ${highest}, which is already installed (recorded in ${stateFile}). Refusing to roll back; nothing was changed.${highestWithdrawn ? ` ${highest} has since been withdrawn; the studio must publish a release newer than ${highest} to replace it.` : ''}`,
    )
  }
}

/**
 * Whether `file` holds exactly the asset; a damaged copy is deleted so it is never used.
 * @param {string} file @param {string} sha @param {number} size
 */
async function isIntact(file, sha, size) {
  let stat
  try {
    stat = await fs.stat(file)
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return false
    throw error
  }
  if (stat.isFile() && stat.size === size) {
    const hash = createHash('sha256')
    await hashFile(file, hash)
    if (hash.digest('hex') === sha) return true
  }
  await fs.rm(file, { force: true, recursive: true })
  return false
}

/** @param {string} file @param {import('node:crypto').Hash} hash */
async function hashFile(file, hash) {
  for await (const chunk of createReadStream(file)) hash.update(chunk)
}

/** @param {string} file */
async function fileSize(file) {
  try {
    return (await fs.stat(file)).size
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return 0
    throw error
  }
}

/**
 * @param {Response} response
 * @param {string} url
 */
async function httpError(response, url) {
  let serverMessage = ''
  try {
    const text = await response.text()
    try {
      const body = JSON.parse(text)
      if (Array.isArray(body?.errors)) {
        serverMessage = body.errors
          .map((/** @type {any} */ e) => (typeof e?.message === 'string' ? e.message : ''))
          .filter(Boolean)
          .join(' ')
      }
    } catch {
      // Not the API's JSON (a proxy's HTML page, say): show the start of it instead.
      serverMessage = text.replace(/\s+/g, ' ').trim().slice(0, 200)
    }
  } catch {
    // The body could not be read; the status alone has to do.
  }
  const status = response.status
  const summary = serverMessage || response.statusText || 'no message'
  return new DeliveryError(
    STATUS_CODES[status] ?? 'http',
    `${summary} (HTTP ${status} from ${displayUrl(url)})`,
    { status, url },
  )
}

/**
 * Refuses URLs over which the API key and the release would travel unprotected: anything but
 * https, except plain http to this machine (development, a local proxy).
 * @param {URL} url @param {string} what
 */
function refuseInsecure(url, what) {
  if (url.protocol === 'https:') return
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return
  const how = url.protocol === 'http:' ? `plain http:// to ${url.host}` : `${url.protocol}`
  throw new DeliveryError(
    'insecure-url',
    `${what} uses ${how}: the API key and the release would cross the network unprotected. Use https:// (plain http is allowed only for localhost and loopback addresses).`,
    { url: url.toString() },
  )
}

/** @param {string} hostname as URL normalises it (IPv4 dotted, IPv6 in brackets) */
function isLoopback(hostname) {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) ||
    hostname === '[::1]'
  )
}

/**
 * A response body read into memory, but never more than `limit` bytes of it: a declared
 * Content-Length over the limit is refused before reading, and the stream is cut off as soon
 * as it passes the limit.
 * @param {Response} response
 * @param {{ limit: number, what: string, url: string, signal?: AbortSignal }} options
 */
async function readCapped(response, { limit, what, url, signal }) {
  const tooLarge = () =>
    new DeliveryError(
      'too-large',
      `${what} is larger than ${limit} bytes, the most this client accepts; it was not parsed and nothing was installed.`,
      { url },
    )
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => {})
    throw tooLarge()
  }
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array(0)
  /** @type {Uint8Array[]} */
  const chunks = []
  let total = 0
  try {
    for (;;) {
      const next = await raceAbort(reader.read(), signal)
      if (next.done) break
      total += next.value.length
      if (total > limit) throw tooLarge()
      chunks.push(next.value)
    }
  } catch (error) {
    // Not awaited: after an abort, undici may never settle it.
    reader.cancel().catch(() => {})
    if (error instanceof DeliveryError) throw error
    if (signal?.aborted) throw aborted(error)
    throw new DeliveryError('network', `${what} broke off (${describe(error)}).`, {
      url,
      cause: error,
    })
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

/** @param {string} url a URL without credentials, shortened to path and query */
function displayUrl(url) {
  try {
    const parsed = new URL(url)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return url
  }
}

/** @param {unknown} error */
function describe(error) {
  if (!(error instanceof Error)) return String(error)
  // undici hides the socket error ("other side closed", ECONNREFUSED) in `cause`.
  const cause = /** @type {{ cause?: unknown }} */ (error).cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}

/** @param {unknown} error */
function aborted(error) {
  if (error instanceof DeliveryError && error.code !== 'network') return error
  return new DeliveryError('aborted', 'The sync was cancelled.', { cause: error })
}

/**
 * `promise`, or a rejection as soon as `signal` aborts. Node 20's fetch can leave a body read
 * pending forever when the request is aborted after the whole body has arrived, which would
 * hang a cancelled sync.
 * @template T
 * @param {Promise<T>} promise
 * @param {AbortSignal | undefined} signal
 * @returns {Promise<T>}
 */
function raceAbort(promise, signal) {
  if (!signal) return promise
  if (signal.aborted) {
    promise.catch(() => {})
    return Promise.reject(signal.reason)
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

/** @param {number} ms @param {AbortSignal} signal */
function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve(undefined)
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
