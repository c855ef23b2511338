// Generated from src/delivery-client/state.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
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
import { writeAtomic } from './files.mjs'
import { isObject } from './values.mjs'
import { compareVersions } from './versions.mjs'
export const STATE_SCHEMA = 'cdm-delivery-state/1'
const MAX_STATE_BYTES = 1024 * 1024
/** The default state file of a content folder: beside it, never inside it. */
export function defaultStateFile(outDir) {
  return `${path.resolve(outDir)}.cdm-state.json`
}
/**
 * The state file, which must not sit inside the content folder: whoever can replace the
 * content must not also reset the record of what was installed.
 */
export function stateFileFor(outDir, stateFile) {
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
export function stateKey({ toolkit, audience, locale }) {
  return [toolkit, audience, locale].join('|')
}
/**
 * The state in `file`, or an empty one when there is none yet. A file that exists but cannot
 * be read as state is an error: treating it as empty would silently drop the rollback guard.
 */
export async function readState(file) {
  let text
  try {
    const stat = await fs.stat(file)
    if (stat.size > MAX_STATE_BYTES) throw new Error(`it is larger than ${MAX_STATE_BYTES} bytes`)
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    if (error.code === 'ENOENT') return emptyState()
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
const writing = new Map()
/**
 * Reads the state, lets `change` edit it, and writes it back atomically (temporary file, fsync,
 * rename). Updates of one file within this process run one after another.
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
export function installedIn(state, query) {
  const entry = state.installed[stateKey(query)]
  return {
    highest: typeof entry?.highest === 'string' ? entry.highest : null,
    withdrawn: isObject(entry?.withdrawn) ? { ...entry.withdrawn } : {},
  }
}
/** Notes versions the studio says were withdrawn. */
export function recordWithdrawn(file, query, withdrawn) {
  return updateState(file, (state) => {
    const entry = installedIn(state, query)
    for (const { version, reason } of withdrawn) entry.withdrawn[version] = reason ?? null
    state.installed[stateKey(query)] = entry
  })
}
/** Raises the highest installed version; never lowers it. */
export function recordInstalled(file, query, version) {
  return updateState(file, (state) => {
    const entry = installedIn(state, query)
    if (!entry.highest || compareVersions(version, entry.highest) > 0) entry.highest = version
    state.installed[stateKey(query)] = entry
  })
}
/** Keys trusted on first use for a studio, or null when none were recorded. */
export async function trustedKeysFor(file, origin) {
  const keys = (await readState(file)).trustedKeys[origin]
  return Array.isArray(keys) && keys.length > 0 ? keys : null
}
/** Records the keys a studio listed, to be trusted from now on. */
export function trustKeys(file, origin, keys) {
  return updateState(file, (state) => {
    state.trustedKeys[origin] = keys.map(({ keyId, algorithm, publicKey }) => ({
      keyId,
      algorithm,
      publicKey,
    }))
  })
}
function emptyState() {
  return { schema: STATE_SCHEMA, installed: {}, trustedKeys: {} }
}
function badState(file, cause) {
  return new DeliveryError(
    'bad-state',
    `The delivery state file ${file} cannot be read (${cause instanceof Error ? cause.message : String(cause)}). It records the newest release installed, so the client refuses to guess: restore it from a backup, or delete it to start over (which forgets that record).`,
    { cause },
  )
}
