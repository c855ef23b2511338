import { DeliveryError, type LatestRelease, type PublishedKey } from '../../delivery-client/browser'
import type { Connection } from '../model/deviceSetup'

/**
 * The public delivery API, as any web app on a device calls it: an app key in the
 * Authorization header, nothing else about the person using the device.
 */
async function call(connection: Connection, path: string): Promise<Response> {
  let response: Response
  try {
    response = await fetch(new URL(path, connection.studioUrl), {
      headers: { authorization: `delivery-apps API-Key ${connection.apiKey}` },
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch (error) {
    throw new DeliveryError('network', 'The studio cannot be reached.', { cause: error })
  }
  if (response.ok) return response
  const message = await response
    .json()
    .then((body: { errors?: { message?: string }[] }) => body.errors?.[0]?.message)
    .catch(() => undefined)
  const code =
    response.status === 401
      ? 'unauthorized'
      : response.status === 404
        ? 'not-found'
        : response.status === 410
          ? 'gone'
          : response.status === 400
            ? 'bad-request'
            : 'http'
  throw new DeliveryError(code, message ?? `The studio answered ${response.status}.`, {
    status: response.status,
  })
}

const query = (audience: string, locale: string) =>
  `audience=${encodeURIComponent(audience)}&locale=${encodeURIComponent(locale)}`

export async function fetchKeys(connection: Connection): Promise<PublishedKey[]> {
  const body = (await (await call(connection, '/api/delivery/keys')).json()) as {
    keys: PublishedKey[]
  }
  return body.keys
}

/** An audience × locale the studio has published a release of the toolkit for. */
export interface ToolkitOutput {
  audience: string
  /** The audience's name in that locale. */
  label: string
  locale: string
}

export interface ToolkitSummary {
  slug: string
  title: string
  latestVersion: string
  outputs: ToolkitOutput[]
}

export async function fetchToolkits(connection: Connection): Promise<ToolkitSummary[]> {
  const body = (await (await call(connection, '/api/delivery/toolkits')).json()) as {
    toolkits: ToolkitSummary[]
  }
  return body.toolkits
}

export async function fetchLatest(
  connection: Connection,
  toolkit: string,
  audience: string,
  locale: string,
): Promise<LatestRelease> {
  const path = `/api/delivery/toolkits/${encodeURIComponent(toolkit)}/releases/latest?${query(audience, locale)}`
  return (await (await call(connection, path)).json()) as LatestRelease
}

export interface SignedManifest {
  bytes: Uint8Array
  signature: string
  keyId: string
}

export async function fetchSignedManifest(
  connection: Connection,
  manifestUrl: string,
): Promise<SignedManifest> {
  const response = await call(connection, manifestUrl)
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    signature: response.headers.get('x-cdm-signature') ?? '',
    keyId: response.headers.get('x-cdm-key-id') ?? '',
  }
}

/** A release file by its manifest `file` name (`<sha256>.<ext>`). */
export async function fetchAsset(connection: Connection, file: string): Promise<ArrayBuffer> {
  return (await call(connection, `/api/delivery/assets/${file}`)).arrayBuffer()
}
