import { pathProblem } from '../http/jsonQueryParams'
import { isValidSemver } from '../releases/semver'

/** Where the delivery API lives; the tier answers every path under it and nothing else. */
export const DELIVERY_PATH_PREFIX = '/api/delivery/'

export type DeliveryRoute =
  | { name: 'toolkits' }
  | { name: 'latest'; slug: string }
  | { name: 'manifest' | 'bundle' | 'delta'; slug: string; version: string }
  | { name: 'asset'; asset: string }
  | { name: 'keys' }

export type RouteMatch = { route: DeliveryRoute } | { status: 400 | 404; problem: string }

const VERSIONED_FILES = {
  'manifest.json': 'manifest',
  'bundle.zip': 'bundle',
  delta: 'delta',
} as const

/** Paths are short: a toolkit slug, a version and a file name. Longer ones are refused unread. */
const MAX_PATH_LENGTH = 512

export const isDeliveryPath = (pathname: string) => pathname.startsWith(DELIVERY_PATH_PREFIX)

/**
 * The delivery route a request path names (still percent-encoded, as it came), or the problem
 * to answer with. A version that is not semver is a 400 that says so, as before the tier.
 */
export function matchDeliveryRoute(pathname: string): RouteMatch {
  const notFound = { status: 404, problem: `No delivery route ${pathname}.` } as const
  if (!isDeliveryPath(pathname) || pathname.length > MAX_PATH_LENGTH) return notFound
  const undecodable = pathProblem(pathname)
  if (undecodable) return { status: 400, problem: undecodable }
  const segments = pathname
    .slice(DELIVERY_PATH_PREFIX.length)
    .split('/')
    .map((segment) => decodeURIComponent(segment))
  const [first, slug, releases, version, file, ...rest] = segments
  if (segments.length === 1 && first === 'toolkits') return { route: { name: 'toolkits' } }
  if (segments.length === 1 && first === 'keys') return { route: { name: 'keys' } }
  if (segments.length === 2 && first === 'assets') return { route: { name: 'asset', asset: slug } }
  if (first !== 'toolkits' || releases !== 'releases' || !slug || rest.length > 0) return notFound
  if (segments.length === 4 && version === 'latest') return { route: { name: 'latest', slug } }
  // Own keys only: `constructor` and the like are not files.
  if (segments.length !== 5 || !Object.hasOwn(VERSIONED_FILES, file)) return notFound
  const name = VERSIONED_FILES[file as keyof typeof VERSIONED_FILES]
  if (!isValidSemver(version))
    return { status: 400, problem: `"${version}" is not a release version (e.g. 1.2.0).` }
  return { route: { name, slug, version } }
}
