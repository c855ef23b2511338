import type { Endpoint } from 'payload'

import { mayReadDerived } from '../access/derivedMedia'
import { staffUser } from '../access/roles'
import { contentTypeFor } from '../domain/http/range'
import { isContentKey } from '../domain/media/derivedRefs'
import { derivedKey } from '../domain/storage/mediaKeys'
import { jsonError } from '../lib/http/jsonError'
import { isDerivedComplete } from '../lib/storage/derived'
import { serveStored } from '../lib/storage/serveStored'

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

/**
 * GET /api/media/derived/:key/:file… — renditions, posters, offline files and HLS for the
 * admin preview. Derived files are content-addressed, so they never change under their URL.
 */
export const mediaEndpoints: Endpoint[] = [
  {
    path: '/media/derived/:key/:file+',
    method: 'get',
    handler: async (req) => {
      if (!staffUser(req)) return jsonError(401, 'Sign in to the studio to view media.')
      const key = String(req.routeParams?.key ?? '')
      const raw = req.routeParams?.file
      const segments = (Array.isArray(raw) ? raw : String(raw ?? '').split('/')).map(String)
      const fileName = segments[segments.length - 1] ?? ''
      const contentType = contentTypeFor(fileName)
      if (
        !isContentKey(key) ||
        segments.length === 0 ||
        !segments.every((s) => SEGMENT.test(s)) ||
        !contentType ||
        fileName === 'result.json'
      ) {
        return jsonError(404, 'No such media file.')
      }
      // Before looking on disk, so a co-producer learns nothing about media that is not theirs.
      if (!(await mayReadDerived(req, key)))
        return jsonError(403, 'You can only view the media of clips you are assigned to.')
      if (!(await isDerivedComplete(key)))
        return jsonError(404, 'No such media file (it may still be processing).')
      try {
        return await serveStored({
          key: derivedKey(key, segments.join('/')),
          contentType,
          rangeHeader: req.headers.get('range'),
          cacheControl: 'private, max-age=31536000, immutable',
          // The key names the file's inputs, so the path is the file's identity.
          etag: `"${key}/${segments.join('/')}"`,
          ifNoneMatch: req.headers.get('if-none-match'),
        })
      } catch {
        return jsonError(404, 'No such media file.')
      }
    },
  },
]
