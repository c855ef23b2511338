import type { Accent, Audience } from '../src/payload-types'
import { SEED_ACCENTS, SEED_AUDIENCES } from './content/toolkit'
import { DEMO_USERS } from './demoUsers'
import type { Id, SeedRun } from './seedContext'

export async function seedUsers(run: SeedRun): Promise<Record<string, Id>> {
  // Admin first: the first account on an empty studio always becomes an admin.
  const users: Record<string, Id> = {}
  for (const user of DEMO_USERS) {
    const doc = await run.ensure('users', { email: { equals: user.email } }, () =>
      run.payload.create({ collection: 'users', data: { ...user }, overrideAccess: true }),
    )
    users[user.role] = doc.id
  }
  return users
}

export async function seedAudiences(run: SeedRun): Promise<Map<string, Audience>> {
  const audiences = new Map<string, Audience>()
  for (const audience of SEED_AUDIENCES) {
    audiences.set(
      audience.slug,
      await run.ensure<Audience>('audiences', { slug: { equals: audience.slug } }, () =>
        run.payload.create({ collection: 'audiences', data: audience, overrideAccess: true }),
      ),
    )
  }
  return audiences
}

export async function seedAccents(run: SeedRun): Promise<Accent[]> {
  const accents: Accent[] = []
  for (const accent of SEED_ACCENTS) {
    accents.push(
      await run.ensure<Accent>('accents', { tag: { equals: accent.tag } }, () =>
        run.payload.create({ collection: 'accents', data: accent, overrideAccess: true }),
      ),
    )
  }
  return accents
}
