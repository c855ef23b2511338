import type { CollectionSlug, Payload } from 'payload'

import type { FileSpec } from './world'
import type { User } from '../../../src/payload-types'

type Id = number | string

export type Outcome =
  { ok: true; id?: Id; ids?: Id[] } | { ok: false; status: number; message: string }

/** The four operations the access matrix exercises, as one kind of caller performs them. */
export interface AccessClient {
  find(collection: CollectionSlug, ids: Id[]): Promise<Outcome>
  create(
    collection: CollectionSlug,
    data: Record<string, unknown>,
    file?: FileSpec,
  ): Promise<Outcome>
  update(collection: CollectionSlug, id: Id, data: Record<string, unknown>): Promise<Outcome>
  remove(collection: CollectionSlug, id: Id): Promise<Outcome>
}

const failure = (error: unknown): Outcome => {
  const status = (error as { status?: number }).status
  if (typeof status !== 'number') throw error
  return { ok: false, status, message: (error as Error).message }
}

/** Local API calls made the way an endpoint acting for a user must make them. */
export function localClient(payload: Payload, user: User | null): AccessClient {
  const asUser = { overrideAccess: false, user, depth: 0 } as const
  return {
    async find(collection, ids) {
      try {
        const result = await payload.find({
          ...asUser,
          collection,
          where: { id: { in: ids } },
          pagination: false,
        })
        return { ok: true, ids: result.docs.map((d) => d.id) }
      } catch (error) {
        return failure(error)
      }
    },
    async create(collection, data, file) {
      try {
        const doc = await payload.create({
          ...asUser,
          collection,
          data,
          ...(file ? { file: await file() } : {}),
        } as Parameters<Payload['create']>[0])
        return { ok: true, id: doc.id }
      } catch (error) {
        return failure(error)
      }
    },
    async update(collection, id, data) {
      try {
        const doc = await payload.update({ ...asUser, collection, id, data } as Parameters<
          Payload['update']
        >[0])
        return { ok: true, id: (doc as { id: Id }).id }
      } catch (error) {
        return failure(error)
      }
    },
    async remove(collection, id) {
      try {
        await payload.delete({ ...asUser, collection, id })
        return { ok: true, id }
      } catch (error) {
        return failure(error)
      }
    },
  }
}

/** Real HTTP requests to the REST API, signed in with a JWT from the login endpoint. */
export async function restClient(
  baseUrl: string,
  credentials: { email: string; password: string } | null,
): Promise<AccessClient> {
  let token: string | null = null
  if (credentials) {
    const login = await fetch(`${baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    })
    const body = (await login.json()) as { token?: string }
    if (!login.ok || !body.token)
      throw new Error(`login failed for ${credentials.email}: ${login.status}`)
    token = body.token
  }
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { authorization: `JWT ${token}` } : {}),
    ...extra,
  })
  const outcome = async (response: Response): Promise<Outcome> => {
    const body = (await response.json().catch(() => ({}))) as {
      doc?: { id: Id }
      docs?: { id: Id }[]
      id?: Id
      errors?: { message: string }[]
    }
    if (!response.ok) {
      return {
        ok: false,
        status: response.status,
        message: body.errors?.map((e) => e.message).join('; ') ?? '',
      }
    }
    return { ok: true, id: body.doc?.id ?? body.id, ids: body.docs?.map((d) => d.id) }
  }
  return {
    async find(collection, ids) {
      const query = ids
        .map((id, i) => `where[id][in][${i}]=${encodeURIComponent(String(id))}`)
        .join('&')
      return outcome(
        await fetch(`${baseUrl}/api/${collection}?${query}&depth=0&limit=100`, {
          headers: headers(),
        }),
      )
    },
    async create(collection, data, file) {
      if (file) {
        const spec = await file()
        const form = new FormData()
        form.append('_payload', JSON.stringify(data))
        form.append(
          'file',
          new Blob([new Uint8Array(spec.data)], { type: spec.mimetype }),
          spec.name,
        )
        return outcome(
          await fetch(`${baseUrl}/api/${collection}`, {
            method: 'POST',
            headers: headers(),
            body: form,
          }),
        )
      }
      return outcome(
        await fetch(`${baseUrl}/api/${collection}`, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(data),
        }),
      )
    },
    async update(collection, id, data) {
      return outcome(
        await fetch(`${baseUrl}/api/${collection}/${id}`, {
          method: 'PATCH',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(data),
        }),
      )
    },
    async remove(collection, id) {
      return outcome(
        await fetch(`${baseUrl}/api/${collection}/${id}`, { method: 'DELETE', headers: headers() }),
      )
    },
  }
}
