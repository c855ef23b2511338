import { createHash } from 'node:crypto'

/**
 * Bump when processing changes in a way the settings below do not capture (a new ffmpeg flag,
 * say), so every derived file is rebuilt once.
 */
export const PIPELINE_VERSION = 1

/**
 * The address of a derived file: a hash of its inputs' hashes and every setting that shapes it.
 * Equal inputs and settings give the same key, so finished work is found instead of redone.
 */
export function contentKey(kind: string, parts: Record<string, unknown>): string {
  return createHash('sha256')
    .update(stableJson({ kind, version: PIPELINE_VERSION, parts }))
    .digest('hex')
}

function stableJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : stableJson(v))).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
