/**
 * How large and how deeply nested a JSON request body may be. Bodies are read into memory
 * before Payload parses them, so the size limit bounds the memory one request can take; the
 * depth limit keeps recursive code (Payload's, ours, a validator's) from overflowing its stack.
 * Uploads are multipart and keep their own limits.
 */
export interface JsonBodyLimits {
  maxBytes: number
  maxDepth: number
}

export const DEFAULT_JSON_BODY_LIMIT_BYTES = 1024 * 1024
export const DEFAULT_JSON_MAX_DEPTH = 100

const UNIT_BYTES: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
}

/** "1048576", "512KiB", "2 MiB" (binary units, case-insensitive) → bytes; anything else → undefined. */
export function parseByteSize(text: string | undefined): number | undefined {
  const match = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text ?? '')
  if (!match) return undefined
  const unit = UNIT_BYTES[match[2].toLowerCase()]
  if (unit === undefined) return undefined
  const bytes = Number(match[1]) * unit
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined
}

/**
 * Reads JSON_BODY_LIMIT (bytes, or with a KiB/MiB unit) and JSON_MAX_DEPTH (levels of arrays and
 * objects); a value that is not a positive size or whole number keeps the default.
 */
export function jsonBodyLimits(env: Record<string, string | undefined>): JsonBodyLimits {
  const depth = Number(env.JSON_MAX_DEPTH)
  return {
    maxBytes: parseByteSize(env.JSON_BODY_LIMIT) ?? DEFAULT_JSON_BODY_LIMIT_BYTES,
    maxDepth: Number.isInteger(depth) && depth > 0 ? depth : DEFAULT_JSON_MAX_DEPTH,
  }
}

/** A size as people read it: "1 MiB", "512 KiB", "1000 bytes". */
export function describeBytes(bytes: number): string {
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2} MiB`
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`
  return `${bytes} bytes`
}
