/**
 * Whether a client takes a gzip body, by its Accept-Encoding (RFC 9110 §12.5.3): `gzip` (or
 * `x-gzip`) or `*` with a non-zero quality, unless gzip itself is refused with `q=0`.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false
  let wildcard = false
  for (const part of header.split(',')) {
    const [coding, ...parameters] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = parameters.find((p) => p.startsWith('q='))
    const quality = q === undefined ? 1 : Number(q.slice(2))
    const isAccepted = Number.isFinite(quality) && quality > 0
    if (coding === 'gzip' || coding === 'x-gzip') return isAccepted
    if (coding === '*') wildcard = isAccepted
  }
  return wildcard
}
