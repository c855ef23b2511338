import type { Payload } from 'payload'

import { DEMO_USERS } from './demoUsers'
import { seedMedia } from './media'
import { seedAccents, seedAudiences, seedConsent, seedUsers } from './referenceData'
import { seedRun } from './seedContext'
import { seedClips, seedModules, seedScripts, seedToolkit } from './toolkitContent'

/** Printed last by `npm run seed`, so its wrapper knows the seed really ran to the end. */
export const SEED_FINISHED = 'Demo seed finished.'

export interface SeedSummary {
  created: Record<string, number>
  users: { email: string; password: string; role: string }[]
}

/**
 * Creates the demo toolkit, reference data and one user per role. Idempotent: documents that
 * already exist (matched by slug, tag, email or title) are left exactly as they are, so edits
 * made in the demo survive a re-run.
 */
export async function seed({ payload }: { payload: Payload }): Promise<SeedSummary> {
  const run = seedRun(payload)
  const users = await seedUsers(run)
  await seedConsent(run, users)
  const audiences = await seedAudiences(run)
  const accents = await seedAccents(run)
  const media = await seedMedia(run, accents)
  const toolkit = await seedToolkit(run, media.cover)
  const clipsBySlug = await seedClips(run, { audiences, media })
  await seedScripts(run, { clipsBySlug, users })
  await seedModules(run, { toolkit, clipsBySlug, audiences })
  return {
    created: run.created,
    users: DEMO_USERS.map(({ email, password, role }) => ({ email, password, role })),
  }
}

export function formatSeedSummary(summary: SeedSummary): string {
  const made = Object.entries(summary.created)
    .map(([collection, count]) => `${count} ${collection}`)
    .join(', ')
  const lines = [
    made ? `Demo content created: ${made}.` : 'Demo content already present; nothing created.',
    'Demo sign-ins (demo only, never use these passwords for real accounts):',
    ...summary.users.map((u) => `  ${u.role.padEnd(11)} ${u.email.padEnd(32)} ${u.password}`),
  ]
  return lines.join('\n')
}
