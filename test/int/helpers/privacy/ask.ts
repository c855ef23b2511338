import type { Payload } from 'payload'

import type { ReadAttack } from './readAttacks'
import type { Viewer } from './viewers'

/** What came back, as the attacker sees it: the status and the whole body as text. */
export interface Answer {
  status: number
  body: string
}

/**
 * Reads only, so a retry is safe: under load, Node's server can close an idle keep-alive socket
 * just as the client reuses it (ECONNRESET), which says nothing about the studio.
 */
async function fetchText(url: string, init: RequestInit, attempts = 3): Promise<Answer> {
  try {
    const response = await fetch(url, init)
    return { status: response.status, body: await response.text() }
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code
    if (attempts > 1 && (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'))
      return fetchText(url, init, attempts - 1)
    throw error
  }
}

export function askRest(baseUrl: string, viewer: Viewer, url: string): Promise<Answer> {
  return fetchText(`${baseUrl}${url}`, { headers: viewer.headers })
}

export function askGraphql(baseUrl: string, viewer: Viewer, query: string): Promise<Answer> {
  return fetchText(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { ...viewer.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  })
}

/** The attack through the Local API, as an endpoint acting for the viewer would make it. */
export async function askLocal(
  payload: Payload,
  viewer: Viewer,
  attack: ReadAttack,
): Promise<Answer | null> {
  const { collection, depth, draft, select, populate, id } = attack
  const common = {
    collection,
    depth,
    select,
    populate,
    overrideAccess: false,
    user: viewer.localUser,
  } as never
  const calls = {
    list: () => payload.find({ ...(common as object), draft, limit: 100 } as never),
    byId: () => payload.findByID({ ...(common as object), id, draft } as never),
    versions: () => payload.findVersions({ ...(common as object), limit: 100 } as never),
    versionById: () => payload.findVersionByID({ ...(common as object), id } as never),
    me: null,
  }
  const call = calls[attack.kind]
  if (!call) return null
  try {
    return { status: 200, body: JSON.stringify(await call()) }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (typeof status !== 'number') throw error
    return { status, body: (error as Error).message }
  }
}

/** Runs `task` over `items`, a few at a time (the server shares two cores with other work). */
export async function inBatches<T, R>(
  items: T[],
  task: (item: T) => Promise<R>,
  size = 6,
): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(task))))
  }
  return results
}
