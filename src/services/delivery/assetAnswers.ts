import type { Payload } from 'payload'

import { deliveryCatalog } from './deliveryCatalog'
import { asStored, type DeliveryQuery } from './releaseAnswers'
import { assetExtensionProblem, parseAssetName } from '../../domain/releases/assetNames'
import { assetContentType } from '../../domain/releases/hlsForRelease'
import { assetKey } from '../../domain/storage/mediaKeys'
import { dataDir } from '../../lib/config/paths'
import { errorAnswer, jsonAnswer, type HttpAnswer } from '../../lib/http/answer'
import { loadSigningKeys } from '../../lib/signing'
import { storedAnswer } from '../../lib/storage/serveStored'

/** A release asset by `<sha256>` or `<sha256>.<ext>`, typed as its manifests declare it. */
export async function assetAnswer(
  payload: Payload,
  request: DeliveryQuery,
  asset: string,
): Promise<HttpAnswer> {
  const name = parseAssetName(asset)
  if ('problem' in name) return errorAnswer(400, name.problem)
  const { sha256, extension } = name
  const declared = (await deliveryCatalog(payload)).assetMimes.get(sha256)
  const refusal = (mime: string) => {
    const problem = assetExtensionProblem({ sha256, extension, mime })
    return problem ? errorAnswer(404, problem) : null
  }
  const early = declared ? refusal(declared) : null
  if (early) return early
  let answer: HttpAnswer
  try {
    answer = await storedAnswer({
      key: assetKey(sha256),
      // As its manifests declare it; one in no release yet known here is typed by its bytes.
      contentType: declared ?? assetContentType,
      rangeHeader: request.header('range'),
      cacheControl: asStored('public, max-age=31536000, immutable'),
      etag: `"${sha256}"`,
      ifNoneMatch: request.header('if-none-match'),
    })
  } catch {
    return errorAnswer(404, `No asset ${sha256}.`)
  }
  const sniffed = declared ? null : answer.headers['Content-Type']
  const late = sniffed ? refusal(sniffed) : null
  if (late && answer.body && 'destroy' in answer.body) answer.body.destroy()
  return late ?? answer
}

/** The public keys manifests are signed with, for apps to pin. */
export function keysAnswer(): HttpAnswer {
  try {
    return jsonAnswer(200, { keys: loadSigningKeys({ dataDir: dataDir() }).publicKeys })
  } catch (error) {
    return errorAnswer(503, `No signing keys are configured: ${(error as Error).message}`)
  }
}
