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

/**
 * The demo co-producer agreed to be credited and to their words being used (their voice is not
 * in the demo): their consent record, as an admin would write it down with them.
 */
export async function seedConsent(run: SeedRun, users: Record<string, Id>) {
  await run.ensure('consents', { coProducer: { equals: users.coProducer } }, () =>
    run.payload.create({
      collection: 'consents',
      data: {
        coProducer: users.coProducer as number,
        consentTextVersion: 'Demo consent text, version 1',
        agreedAt: '2026-11-02T00:00:00.000Z',
        credit: true,
        words: true,
        voice: false,
      },
      overrideAccess: true,
    }),
  )
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
