import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CollectionSlug, Payload, Where } from 'payload'

import type { Clip } from '../src/payload-types'

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'media')

export type Id = Clip['id']

/** What every step of one seed run shares: find-or-create, and the count of what it made. */
export interface SeedRun {
  payload: Payload
  created: Record<string, number>
  ensure: <T extends { id: Id }>(
    collection: CollectionSlug,
    where: Where,
    make: () => Promise<T>,
  ) => Promise<T>
}

export function seedRun(payload: Payload): SeedRun {
  const created: Record<string, number> = {}
  return {
    payload,
    created,
    async ensure(collection, where, make) {
      const found = await payload.find({
        collection,
        where,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      if (found.docs[0]) return found.docs[0] as never
      created[collection] = (created[collection] ?? 0) + 1
      return make()
    },
  }
}

export const upload = <T extends { id: Id }>(
  run: SeedRun,
  collection: CollectionSlug,
  title: string,
  file: string,
) =>
  run.ensure<T>(
    collection,
    { title: { equals: title } },
    async () =>
      (await run.payload.create({
        collection,
        data: { title },
        filePath: path.join(FIXTURES, file),
        overrideAccess: true,
      } as Parameters<Payload['create']>[0])) as unknown as T,
  )

export const addWelshTitle = (
  run: SeedRun,
  collection: 'toolkits' | 'modules' | 'exercises',
  id: Id,
  title: string,
) => run.payload.update({ collection, id, locale: 'cy', data: { title }, overrideAccess: true })
