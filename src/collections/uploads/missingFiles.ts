import fs from 'node:fs/promises'
import path from 'node:path'
import type { SanitizedConfig } from 'payload'

import { jsonError } from '../../lib/http/jsonError'

type UploadHandler = NonNullable<
  Extract<SanitizedConfig['collections'][number]['upload'], object>['handlers']
>[number]

/**
 * Payload answers GET /api/<uploads>/file/<name> for a file that is not on disk with a 500
 * (by design, to match its generic error). A name that is not there is the client's mistake:
 * 404. Runs after Payload's access check, before its own file serving.
 */
function missingFileIsNotFound(staticDir: string): UploadHandler {
  const root = path.resolve(staticDir)
  // Payload's type wants a Response or nothing from each branch; either continues or answers.
  const handler = async (
    _req: unknown,
    { params }: { params: { filename: string; prefix?: string } },
  ): Promise<Response | undefined> => {
    const file = path.resolve(root, params.prefix ?? '', params.filename)
    // Names that leave the folder are Payload's to refuse (400).
    if (!file.startsWith(root + path.sep)) return undefined
    const exists = await fs.stat(file).then(
      (stats) => stats.isFile(),
      () => false,
    )
    return exists ? undefined : jsonError(404, `File ${params.filename} not found.`)
  }
  return handler as UploadHandler
}

export function answerMissingFilesWith404(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    const { upload } = collection
    if (!upload || typeof upload !== 'object') continue
    upload.handlers = [
      missingFileIsNotFound(upload.staticDir ?? collection.slug),
      ...(upload.handlers ?? []),
    ]
  }
  return config
}
