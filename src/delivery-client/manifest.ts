import { DeliveryError } from './errors'
import type { DeliveryManifest, ReleaseQuery } from './types'
import { type Untrusted, isObject } from './values'

/**
 * The manifest versions this client reads: releases made before credits are version 1, and
 * before assets had file names version 2.
 */
export const MANIFEST_SCHEMAS = ['cdm-manifest/1', 'cdm-manifest/2', 'cdm-manifest/3'] as const
/** The newest version, the one the studio writes now. */
export const MANIFEST_SCHEMA = 'cdm-manifest/3'

const SHA256 = /^[0-9a-f]{64}$/
/** An asset's file name: its sha256, then the extension of its type if it has one. */
const ASSET_FILE = /^([0-9a-f]{64})(?:\.[a-z0-9]{1,8})?$/

export function parseManifest(bytes: Uint8Array): DeliveryManifest {
  let value
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    throw new DeliveryError('bad-manifest', 'The manifest is not valid UTF-8 JSON.', {
      cause: error,
    })
  }
  if (!isObject(value) || !(MANIFEST_SCHEMAS as readonly unknown[]).includes(value.schema)) {
    throw new DeliveryError(
      'bad-manifest',
      `The manifest is not a ${MANIFEST_SCHEMAS.join(' or ')} document (schema: ${JSON.stringify(isObject(value) ? value.schema : undefined)}); this client may be too old for it.`,
    )
  }
  // Version 1 is version 2 without credits: read as crediting nobody.
  if (value.schema === 'cdm-manifest/1' && isObject(value.release) && !('credits' in value.release))
    value.release.credits = []
  // Versions 1 and 2 are version 3 without file names: their playlists name files by sha256.
  if (value.schema !== 'cdm-manifest/3' && isObject(value.assets))
    for (const [sha, asset] of Object.entries(value.assets))
      if (isObject(asset) && !('file' in asset)) asset.file = sha
  return value as DeliveryManifest
}

/**
 * Checks what the JSON Schema cannot: every file the manifest points at is listed in its asset
 * table. Also rejects table entries that could not be stored safely: keys and `file` become file
 * names, so a file name must be its own key and at most an extension more.
 */
export function checkManifestAssets(manifest: DeliveryManifest): void {
  const problems: string[] = []
  const assets = isObject(manifest.assets) ? manifest.assets : null
  if (!assets) problems.push('It has no asset table.')
  for (const [sha, asset] of Object.entries(assets ?? {})) {
    if (!SHA256.test(sha)) problems.push(`Asset key ${JSON.stringify(sha)} is not a sha256.`)
    else if (!isObject(asset) || !Number.isSafeInteger(asset.bytes) || asset.bytes < 0) {
      problems.push(`Asset ${sha} has no valid size.`)
    } else if (typeof asset.file !== 'string' || ASSET_FILE.exec(asset.file)?.[1] !== sha) {
      problems.push(
        `Asset ${sha} has file name ${JSON.stringify(asset.file)}, which is not its sha256 with an optional extension.`,
      )
    }
  }
  const refer = (sha: unknown, at: string) => {
    if (typeof sha !== 'string' || !assets || !Object.hasOwn(assets, sha)) {
      problems.push(`${at} points at ${JSON.stringify(sha)}, which the asset table does not list.`)
    }
  }
  const list = (value: unknown, at: string): Untrusted[] => {
    if (Array.isArray(value)) return value
    problems.push(`${at} is not a list.`)
    return []
  }
  if (manifest.printable !== undefined) refer(manifest.printable, 'printable')
  list(manifest.modules, 'modules').forEach((module, m) =>
    list(module?.exercises, `modules[${m}].exercises`).forEach((exercise, e) => {
      const at = `modules[${m}].exercises[${e}].clip`
      const clip = exercise?.clip
      if (!isObject(clip)) return problems.push(`${at} is missing.`)
      refer(clip.poster, `${at}.poster`)
      refer(clip.hls, `${at}.hls`)
      list(clip.offline, `${at}.offline`).forEach((o, i) => refer(o?.sha256, `${at}.offline[${i}]`))
      list(clip.voiceTracks, `${at}.voiceTracks`).forEach((v, i) =>
        refer(v?.sha256, `${at}.voiceTracks[${i}]`),
      )
      list(clip.captions, `${at}.captions`).forEach((c, i) =>
        refer(c?.sha256, `${at}.captions[${i}]`),
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
 */
export function checkManifestMatches(
  manifest: DeliveryManifest,
  expected: ReleaseQuery & { version: string },
): void {
  const actual = {
    toolkit: manifest.toolkit?.slug,
    audience: manifest.audience?.slug,
    locale: manifest.locale,
    version: manifest.release?.version,
  }
  const wrong = (Object.keys(actual) as (keyof typeof actual)[]).filter(
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

/** Whether a manifest is of this toolkit, audience and locale (and version, when given). */
export function matchesQuery(
  manifest: DeliveryManifest,
  expected: ReleaseQuery & { version?: string },
): boolean {
  try {
    checkManifestMatches(manifest, { version: manifest.release?.version, ...expected })
    return true
  } catch {
    return false
  }
}
