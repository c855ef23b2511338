/**
 * Whether a request's If-None-Match names the response's entity tag (RFC 9110 §13.1.2): then
 * the client's copy is current and a 304 without a body answers it. Weak comparison, as the
 * RFC asks for If-None-Match; `*` matches any current representation.
 */
export function matchesIfNoneMatch(header: string | null | undefined, etag: string): boolean {
  if (!header) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}
