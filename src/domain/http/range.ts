export type RangeResult =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' }

/**
 * One byte range from a Range header (RFC 9110). Multiple ranges are served whole: players
 * never ask for them, and multipart responses are not worth their complexity here.
 */
export function parseRange(header: string | null | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' }
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return { kind: 'full' }
  if (size === 0) return { kind: 'unsatisfiable' }
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(match[1])
  // A last position before the first is an invalid range: ignored, not refused (RFC 9110).
  if (match[2] !== '' && Number(match[2]) < start) return { kind: 'full' }
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (start >= size) return { kind: 'unsatisfiable' }
  return { kind: 'partial', start, end }
}

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.zip': 'application/zip',
}

/** MIME type by extension for files we produce ourselves; null for anything we do not serve. */
export function contentTypeFor(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.')
  return dot === -1 ? null : (CONTENT_TYPES[fileName.slice(dot).toLowerCase()] ?? null)
}
