import ffmpegInstaller from '@ffmpeg-installer/ffmpeg'
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import type { CollectionSlug, Payload, SanitizedConfig } from 'payload'

import type { User } from '../../../../src/payload-types'
import { PASSWORD, type World } from '../world'
import { privateFieldsOf } from './reach'
import { REVIEW_TRANSITION } from '../../../../src/services/writeContext'

type Id = number | string

/** A co-producer whose private values are unique strings: any response that holds one leaks. */
export interface Canary {
  key: 'a' | 'b'
  user: User
  /** A random token inside every private value of this canary, and nowhere else. */
  token: string
  /** Field name → the canary's private value. */
  secrets: Record<string, string>
}

export interface Canaries {
  canaries: [Canary, Canary]
  /** Per collection: documents that reach a canary, for by-id attacks. */
  targets: Partial<Record<CollectionSlug, Id[]>>
  /** Per collection with versions: version ids that reach a canary. */
  versionTargets: Partial<Record<CollectionSlug, Id[]>>
  cleanup: () => Promise<void>
}

// DESIGN.md names these two; anything else marked private on users is added from the config.
const KNOWN_PRIVATE_USER_FIELDS = ['realName', 'email']

function canaryValue(name: string, type: string, token: string): string {
  if (type === 'email') return `canary-${name.toLowerCase()}-${token}@canary.example`
  if (type === 'text' || type === 'textarea')
    return `Canary-${name.charAt(0).toUpperCase()}${name.slice(1).toLowerCase()}-${token}`
  throw new Error(
    `No canary value for a private ${type} field (users.${name}): teach canaryValue this type.`,
  )
}

/** The private fields a canary user gets a value for: the known ones and all marked private. */
export function canaryUserFields(config: SanitizedConfig): { name: string; type: string }[] {
  const fields = config.collections.find((c) => c.slug === 'users')!.flattenedFields
  const marked = privateFieldsOf(config)
    .filter((ref) => ref.collection === 'users')
    .map((ref) => ref.path)
  return [...new Set([...KNOWN_PRIVATE_USER_FIELDS, ...marked])].map((name) => {
    const field = fields.find((f) => f.name === name)
    if (!field) throw new Error(`users.${name} is private but not a top-level field`)
    return { name, type: field.type }
  })
}

const relationshipNode = (relationTo: string, value: Id) => ({
  type: 'relationship',
  format: '',
  relationTo,
  value,
  version: 2,
})

function withNodeTo(
  richText: unknown,
  userId: Id,
): { root: { children: unknown[] } & Record<string, unknown> } {
  const base = (richText as { root?: { children?: unknown[] } } | null)?.root
  return {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      ...base,
      children: [...(base?.children ?? []), relationshipNode('users', userId)],
    },
  }
}

/**
 * Two canary co-producers, A and B, woven into the world's tree A everywhere a user can appear:
 * assigned to, reviewing and approving script A (and so in its versions), authoring and
 * resolving a comment on it, named in a release, holding locks and preferences, embedded in
 * rich text, and (by signing in and commenting) in the audit log.
 */
export async function seedCanaries(payload: Payload, world: World): Promise<Canaries> {
  const made: { collection: CollectionSlug; id: Id }[] = []
  const system = { overrideAccess: true } as const
  const fields = canaryUserFields(payload.config)

  const canary = async (key: 'a' | 'b'): Promise<Canary> => {
    const token = crypto.randomBytes(6).toString('hex')
    const secrets = Object.fromEntries(
      fields.map((f) => [f.name, canaryValue(f.name, f.type, token)]),
    )
    const user = (await payload.create({
      ...system,
      collection: 'users',
      data: {
        role: 'coProducer',
        password: PASSWORD,
        // Public on purpose, and free of the token: others see co-producers by pseudonym.
        pseudonym: `Canary ${key.toUpperCase()} ${crypto.randomBytes(3).toString('hex')}`,
        displayName: 'replaced by the pseudonym',
        ...secrets,
      } as User,
    })) as User
    made.push({ collection: 'users', id: user.id })
    return { key, user, token, secrets }
  }
  const a = await canary('a')
  const b = await canary('b')

  const scriptId = world.docs.scripts.assigned
  const script = await payload.findByID({
    ...system,
    collection: 'scripts',
    id: scriptId,
    depth: 0,
  })
  await payload.update({
    ...system,
    collection: 'scripts',
    id: scriptId,
    context: REVIEW_TRANSITION,
    data: {
      assignedCoProducers: [
        ...(script.assignedCoProducers ?? []),
        a.user.id,
        b.user.id,
      ] as number[],
      reviewers: [a.user.id, b.user.id] as number[],
      approvals: [
        {
          user: b.user.id as number,
          role: 'coProducer',
          versionId: 'canary',
          contentHash: 'canary',
          at: new Date().toISOString(),
        },
      ],
      _status: 'published',
    },
  })

  const comment = await payload.create({
    collection: 'comments',
    overrideAccess: false,
    user: a.user,
    data: { script: scriptId, body: 'A comment by a canary co-producer.' },
  })
  made.push({ collection: 'comments', id: comment.id })
  await payload.update({
    collection: 'comments',
    id: comment.id,
    overrideAccess: false,
    user: b.user,
    data: { resolved: true },
  })

  // A spoken comment by each canary: a recording and the comment it posts name its speaker,
  // so a filter on the recording's author can tell either canary (FerretDB has no joins to
  // reach B through the script).
  const voices = []
  const recording = recorded()
  for (const speaker of [a, b]) {
    const voice = await payload.create({
      collection: 'voice-comments',
      overrideAccess: false,
      user: speaker.user,
      data: { script: scriptId },
      file: { name: 'canary.webm', mimetype: 'audio/webm', ...recording },
    })
    made.push({ collection: 'voice-comments', id: voice.id })
    voices.push(voice)
  }
  const spoken = await payload.find({
    ...system,
    collection: 'comments',
    where: { voice: { in: voices.map((v) => v.id) } },
    depth: 0,
  })
  for (const { id } of spoken.docs) {
    made.push({ collection: 'comments', id })
    // Resolved by B, as the typed one is: every link of a target reaches a canary.
    await payload.update({
      collection: 'comments',
      id,
      overrideAccess: false,
      user: b.user,
      data: { resolved: true },
    })
  }

  const release = await payload.create({
    ...system,
    collection: 'releases',
    user: a.user,
    data: {
      toolkit: world.docs.toolkits.assigned,
      version: '0.0.1',
      audiences: [world.docs.audiences.assigned],
      accents: [world.docs.accents.assigned],
      locales: ['en-GB'],
      status: 'draft',
    },
  })
  made.push({ collection: 'releases', id: release.id })
  await payload.update({
    ...system,
    collection: 'releases',
    id: release.id,
    data: { publishedBy: b.user.id as number, withdrawnBy: a.user.id as number },
  })

  const locks = [
    { document: { relationTo: 'scripts', value: scriptId }, user: a.user.id },
    { document: { relationTo: 'users', value: b.user.id }, user: b.user.id },
  ]
  const lockIds: Id[] = []
  for (const lock of locks) {
    const doc = await payload.create({
      ...system,
      collection: 'payload-locked-documents',
      data: {
        document: lock.document,
        user: { relationTo: 'users', value: lock.user },
      } as never,
    })
    made.push({ collection: 'payload-locked-documents', id: doc.id })
    lockIds.push(doc.id)
  }

  const preferenceIds: Id[] = []
  for (const person of [a, b]) {
    const doc = await payload.create({
      ...system,
      collection: 'payload-preferences',
      // Payload fills `user` from the signed-in person.
      user: person.user,
      data: {
        key: `canary-${person.key}`,
        user: { relationTo: 'users', value: person.user.id },
        value: { columns: [] },
      } as never,
    })
    made.push({ collection: 'payload-preferences', id: doc.id })
    preferenceIds.push(doc.id)
  }

  // A designer can embed a link to anyone in rich text; with depth it is populated.
  const embed = async (collection: CollectionSlug, id: Id, path: string[]) => {
    const doc = (await payload.findByID({
      ...system,
      collection,
      id,
      depth: 0,
    })) as unknown as Record<string, unknown>
    const [top, inner] = path
    const data = inner
      ? {
          [top]: {
            ...(doc[top] as object),
            [inner]: withNodeTo((doc[top] as never)?.[inner], a.user.id),
          },
        }
      : { [top]: withNodeTo(doc[top], a.user.id) }
    await payload.update({ ...system, collection, id, data } as never)
  }
  await embed('toolkits', world.docs.toolkits.assigned, ['description'])
  await embed('modules', world.docs.modules.assigned, ['intro'])
  await embed('exercises', world.docs.exercises.assigned, ['worksheet', 'intro'])

  // An email waiting in the outbox for canary A (only admins read the outbox, in the admin).
  const notification = await payload.create({
    ...system,
    collection: 'notifications',
    data: {
      recipient: a.user.id,
      kind: 'reviewRequested',
      subject: 'A script is waiting for your review',
      text: 'Canary notice',
      mode: 'digest',
      status: 'pending',
      dueAt: new Date(Date.now() + 365 * 24 * 60 * 60_000).toISOString(),
    },
  })
  made.push({ collection: 'notifications', id: notification.id })

  // Each canary's consent record, recorded (as far as the record says) by the other canary.
  const consentIds: Id[] = []
  for (const [person, recorder] of [
    [a, b],
    [b, a],
  ]) {
    const consent = await payload.create({
      ...system,
      user: recorder.user,
      collection: 'consents',
      data: {
        coProducer: person.user.id as number,
        consentTextVersion: 'canary',
        agreedAt: new Date().toISOString(),
        credit: true,
        words: true,
        voice: true,
      },
    })
    made.push({ collection: 'consents', id: consent.id })
    consentIds.push(consent.id)
  }

  // The world's voices, one recorded by each canary: the oracles probe with canary B.
  for (const [key, person] of [
    ['assigned', a],
    ['unassigned', b],
  ] as const) {
    await payload.update({
      ...system,
      collection: 'voice-tracks',
      id: world.docs['voice-tracks'][key],
      data: { recordedBy: person.user.id as number },
    })
  }

  const versions = await payload.findVersions({
    ...system,
    collection: 'scripts',
    where: { parent: { equals: scriptId } },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
  })

  const audit = await payload.find({
    ...system,
    collection: 'audit-log',
    where: { actor: { in: [a.user.id, b.user.id] } },
    limit: 2,
    depth: 0,
  })

  return {
    canaries: [a, b],
    targets: {
      users: [a.user.id, b.user.id],
      scripts: [scriptId],
      comments: [comment.id, ...spoken.docs.map((c) => c.id)],
      'voice-comments': voices.map((v) => v.id),
      releases: [release.id],
      'payload-locked-documents': lockIds,
      'payload-preferences': preferenceIds,
      'audit-log': audit.docs.map((d) => d.id),
      notifications: [notification.id],
      consents: consentIds,
      'voice-tracks': [world.docs['voice-tracks'].assigned, world.docs['voice-tracks'].unassigned],
      toolkits: [world.docs.toolkits.assigned],
      modules: [world.docs.modules.assigned],
      exercises: [world.docs.exercises.assigned],
      clips: [world.docs.clips.assigned],
    },
    versionTargets: { scripts: versions.docs.map((v) => v.id) },
    cleanup: async () => {
      for (const { collection, id } of made.reverse()) {
        await payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
      }
    },
  }
}

/** A second of the browser's kind of recording (Opus in WebM), made by the bundled ffmpeg. */
function recorded(): { data: Buffer; size: number } {
  const data = execFileSync(ffmpegInstaller.path, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=duration=1:sample_rate=8000',
    '-c:a',
    'libopus',
    '-f',
    'webm',
    'pipe:1',
  ])
  return { data, size: data.length }
}
