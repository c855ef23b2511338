import crypto from 'node:crypto'
import type { Payload } from 'payload'

import type { User } from '../../../../src/payload-types'
import { MATRIX_ROLES } from '../accessMatrix'
import { PASSWORD, type World } from '../world'
import type { Canary } from './canaries'

type Id = number | string

export const CANARY_VIEWER = 'canary A (self)'
/** Everyone the suite asks as, known before anything is seeded (test names are made from it). */
export const VIEWER_NAMES = [...MATRIX_ROLES, 'otherCoProducer', CANARY_VIEWER, 'deliveryApp']

/** Someone asking the studio: a role of the access matrix, a delivery app or a canary. */
export interface Viewer {
  name: string
  headers: Record<string, string>
  isAdmin: boolean
  /** The canary this viewer is: they may see their own private values, nobody else's. */
  self: Canary | null
  /** Bodies of the viewer's sign-in responses, attacked like any other response. */
  signInBodies: string[]
  /** The same caller for the Local API (`user` with overrideAccess: false). */
  localUser: Record<string, unknown> | null
}

export interface Viewers {
  list: Viewer[]
  cleanup: () => Promise<void>
}

async function signIn(baseUrl: string, email: string): Promise<{ token: string; body: string }> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  const body = await response.text()
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${body}`)
  return { token: (JSON.parse(body) as { token: string }).token, body }
}

/**
 * Every kind of caller: each role of the access matrix (the co-producer is assigned to the
 * canaries' script, so they work beside them), the unassigned co-producer, a delivery app with
 * an API key, and canary A itself.
 */
export async function makeViewers(
  payload: Payload,
  baseUrl: string,
  world: World,
  self: Canary,
): Promise<Viewers> {
  const list: Viewer[] = []
  const person = async (name: string, user: User, extra: Partial<Viewer> = {}) => {
    const { token, body } = await signIn(baseUrl, user.email)
    list.push({
      name,
      headers: { authorization: `JWT ${token}` },
      isAdmin: false,
      self: null,
      signInBodies: [body],
      localUser: { ...user, collection: 'users' },
      ...extra,
    })
  }
  for (const role of MATRIX_ROLES) {
    if (role === 'anonymous') {
      list.push({
        name: role,
        headers: {},
        isAdmin: false,
        self: null,
        signInBodies: [],
        localUser: null,
      })
    } else {
      await person(role, world.users[role], { isAdmin: role === 'admin' })
    }
  }
  await person('otherCoProducer', world.users.otherCoProducer)
  await person(CANARY_VIEWER, self.user, { self })

  const apiKey = `privacy-suite-${crypto.randomBytes(16).toString('hex')}`
  const app = await payload.create({
    collection: 'delivery-apps',
    overrideAccess: true,
    data: { name: 'Privacy suite app', enableAPIKey: true, apiKey },
  })
  list.push({
    name: 'deliveryApp',
    headers: { authorization: `delivery-apps API-Key ${apiKey}` },
    isAdmin: false,
    self: null,
    signInBodies: [],
    localUser: { ...app, collection: 'delivery-apps' },
  })

  return {
    list,
    cleanup: async () => {
      await payload
        .delete({ collection: 'delivery-apps', id: app.id as Id, overrideAccess: true })
        .catch(() => undefined)
    },
  }
}

/** The canary tokens this viewer must never receive. */
export function forbiddenTokens(viewer: Viewer, canaries: Canary[]): string[] {
  if (viewer.isAdmin) return []
  return canaries.filter((c) => c !== viewer.self).map((c) => c.token)
}

/** The forbidden tokens found in a response body (case-insensitive: no partial disguise). */
export function leakedTokens(body: string, forbidden: string[]): string[] {
  const text = body.toLowerCase()
  return forbidden.filter((token) => text.includes(token.toLowerCase()))
}
