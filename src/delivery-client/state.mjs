// @ts-check
/**
 * What the delivery client remembers between syncs, in one JSON file kept OUTSIDE the content
 * folder (whoever can replace the content must not also be able to reset the memory):
 *
 *   installed[toolkit|audience|locale] = { highest, withdrawn: { version: reason } }
 *     the highest release version ever installed there, and every withdrawn version the
 *     studio has named, so a validly signed older or withdrawn release is refused;
 *   trustedKeys[origin] = [{ keyId, publicKey }]
 *     signing keys trusted on first use (the CLI's --trust-on-first-use), used on later runs.
 *
 * Deleting the file forgets both: protect it as you protect the app.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import { DeliveryError } from './errors.mjs'

export const STATE_SCHEMA = 'cdm-delivery-state/1'
const MAX_STATE_BYTES = 1024 * 1024
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/

/**
 * @typedef {import('./index.mjs').DeliveryState} DeliveryState
 * @typedef {import('./index.mjs').InstalledRelease} InstalledRelease
 * @typedef {import('./index.mjs').ReleaseQuery} ReleaseQuery
 * @typedef {import('./index.mjs').PublishedKey} PublishedKey
 */

/** The default state file of a content folder: beside it, never inside it. */
export function defaultStateFile(/** @type {string} */ outDir) {
  return `${path.resolve(outDir)}.cdm-state.json`
}

/** @param {ReleaseQuery} query */
export function stateKey({ toolkit, audience, locale }) {
  return [toolkit, audience, locale].join('|')
}

/**
 * Semantic-version precedence (build metadata ignored): negative when a comes first.
 * @param {string} a @param {string} b
 */
export function compareVersions(a, b) {
  const pa = SEMVER.exec(a)
  const pb = SEMVER.exec(b)
  if (!pa || !pb) {
    throw new DeliveryError(
      'bad-manifest',
      `${JSON.stringify(pa ? b : a)} is not a semantic version.`,
    )
  }
  for (let i = 1; i <= 3; i++) {
    const order = compareNumeric(pa[i], pb[i])
    if (order !== 0) return order
  }
  const ra = pa[4] ? pa[4].split('.') : []
  const rb = pb[4] ? pb[4].split('.') : []
  // A pre-release comes before the release itself.
  if (ra.length === 0 || rb.length === 0) return rb.length - ra.length
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const numericA = /^\d+$/.test(ra[i])
    const numericB = /^\d+$/.test(rb[i])
    const order =
      numericA && numericB
        ? compareNumeric(ra[i], rb[i])
        : numericA !== numericB
          ? numericA
            ? -1
            : 1
          : ra[i] < rb[i]
            ? -1
            : ra[i] > rb[i]
              ? 1
              : 0
    if (order !== 0) return order
  }
  return ra.length - rb.length
}

/** Digit strings without leading zeros, compared without converting to numbers. */
function compareNumeric(/** @type {string} */ a, /** @type {string} */ b) {
  if (a.length !== b.length) return a.length - b.length
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The state in `file`, or an empty one when there is none yet. A file that exists but cannot
 * be read as state is an error: treating it as empty would silently drop the rollback guard.
 * @param {string} file
 * @returns {Promise<DeliveryState>}
 */
export async function readState(file) {
  let text
  try {
    const stat = await fs.stat(file)
    if (stat.size > MAX_STATE_BYTES) throw new Error(`it is larger than ${MAX_STATE_BYTES} bytes`)
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return emptyState()
    throw badState(file, error)
  }
  let value
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw badState(file, error)
  }
  if (!isObject(value) || value.schema !== STATE_SCHEMA) {
    throw badState(file, new Error(`it is not a ${STATE_SCHEMA} document`))
  }
  return {
    schema: STATE_SCHEMA,
    installed: isObject(value.installed) ? value.installed : {},
    trustedKeys: isObject(value.trustedKeys) ? value.trustedKeys : {},
  }
}

/** @type {Map<string, Promise<unknown>>} */
const writing = new Map()

/**
 * Reads the state, lets `change` edit it, and writes it back atomically (temporary file, fsync,
 * rename). Updates of one file within this process run one after another.
 * @template T
 * @param {string} file
 * @param {(state: DeliveryState) => T} change
 * @returns {Promise<T>}
 */
export function updateState(file, change) {
  const previous = writing.get(file) ?? Promise.resolve()
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const state = await readState(file)
      const result = change(state)
      await writeAtomic(file, `${JSON.stringify(state, null, 2)}\n`)
      return result
    })
  writing.set(file, next)
  return next
}

/**
 * @param {DeliveryState} state @param {ReleaseQuery} query
 * @returns {InstalledRelease}
 */
export function installedIn(state, query) {
  const entry = state.installed[stateKey(query)]
  return {
    highest: typeof entry?.highest === 'string' ? entry.highest : null,
    withdrawn: isObject(entry?.withdrawn) ? { ...entry.withdrawn } : {},
  }
}

/**
 * Notes versions the studio says were withdrawn.
 * @param {string} file @param {ReleaseQuery} query
 * @param {{ version: string, reason: string | null }[]} withdrawn
 */
export function recordWithdrawn(file, query, withdrawn) {
  return updateState(file, (state) => {
    const entry = installedIn(state, query)
    for (const { version, reason } of withdrawn) entry.withdrawn[version] = reason ?? null
    state.installed[stateKey(query)] = entry
  })
}

/**
 * Raises the highest installed version; never lowers it.
 * @param {string} file @param {ReleaseQuery} query @param {string} version
 */
export function recordInstalled(file, query, version) {
  return updateState(file, (state) => {
    const entry = installedIn(state, query)
    if (!entry.highest || compareVersions(version, entry.highest) > 0) entry.highest = version
    state.installed[stateKey(query)] = entry
  })
}

/**
 * Keys trusted on first use for a studio, or null when none were recorded.
 * @param {string} file @param {string} origin
 * @returns {Promise<PublishedKey[] | null>}
 */
export async function trustedKeysFor(file, origin) {
  const keys = (await readState(file)).trustedKeys[origin]
  return Array.isArray(keys) && keys.length > 0 ? keys : null
}

/**
 * Records the keys a studio listed, to be trusted from now on.
 * @param {string} file @param {string} origin @param {PublishedKey[]} keys
 */
export function trustKeys(file, origin, keys) {
  return updateState(file, (state) => {
    state.trustedKeys[origin] = keys.map(({ keyId, algorithm, publicKey }) => ({
      keyId,
      algorithm,
      publicKey,
    }))
  })
}

/** @returns {DeliveryState} */
function emptyState() {
  return { schema: STATE_SCHEMA, installed: {}, trustedKeys: {} }
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** @param {string} file @param {unknown} cause */
function badState(file, cause) {
  return new DeliveryError(
    'bad-state',
    `The delivery state file ${file} cannot be read (${cause instanceof Error ? cause.message : String(cause)}). It records the newest release installed, so the client refuses to guess: restore it from a backup, or delete it to start over (which forgets that record).`,
    { cause },
  )
}

/**
 * Writes through a temporary file, flushed and renamed, so readers see the old or the new
 * content and never a partial one.
 * @param {string} file @param {string | Uint8Array} data
 */
export async function writeAtomic(file, data) {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  )
  const handle = await fs.open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(tmp, file)
  } catch (error) {
    await fs.rm(tmp, { force: true })
    throw error
  }
}
