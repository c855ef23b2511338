/**
 * What a request to an upload collection would do with a file, read from its method and path
 * alone, so permission can be decided before the body is parsed. The path is matched the way
 * Payload's REST router does (raw path, one trailing slash stripped, the first segment after
 * the API route is the collection slug).
 */
export type UploadWrite =
  | { collection: string; operation: 'create' }
  | { collection: string; operation: 'update'; id: string | null }
  /** Any other route under the collection that takes a body: allowed only to writers. */
  | { collection: string; operation: 'other' }

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])

/** As loose as Payload's own test (`includes('multipart/')`), and case-blind on top. */
export function isMultipart(contentType: string | null): boolean {
  return (contentType ?? '').split(';', 1)[0].toLowerCase().includes('multipart/')
}

export function uploadWriteOf(input: {
  method: string
  pathname: string
  apiRoute: string
  uploadSlugs: ReadonlySet<string>
}): UploadWrite | null {
  const method = input.method.toUpperCase()
  if (!BODY_METHODS.has(method)) return null
  const base = stripTrailingSlash(input.apiRoute)
  const pathname = stripTrailingSlash(input.pathname)
  if (!pathname.startsWith(`${base}/`)) return null
  const [collection, ...rest] = pathname.slice(base.length + 1).split('/')
  if (!input.uploadSlugs.has(collection)) return null

  if (rest.length === 0) {
    if (method === 'POST') return { collection, operation: 'create' }
    if (method === 'PATCH') return { collection, operation: 'update', id: null }
  }
  if (rest.length === 1 && rest[0] !== '' && (method === 'PATCH' || method === 'PUT')) {
    const id = decodeSegment(rest[0])
    if (id !== null) return { collection, operation: 'update', id }
  }
  if (rest.length === 2 && rest[1] === 'duplicate' && method === 'POST') {
    return { collection, operation: 'create' }
  }
  return { collection, operation: 'other' }
}

function stripTrailingSlash(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
