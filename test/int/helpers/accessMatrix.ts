import type { CollectionSlug } from 'payload'

export type Role = 'admin' | 'designer' | 'coProducer' | 'publisher' | 'anonymous'
export const MATRIX_ROLES: Role[] = ['admin', 'designer', 'coProducer', 'publisher', 'anonymous']

/** all: every document · assigned: only what the co-producer is assigned to · none: nothing */
export type ReadRule = 'all' | 'assigned' | 'none'
/** any: every document · assigned: assigned ones only · self: own account only · none */
export type UpdateRule = 'any' | 'assigned' | 'self' | 'none'

export interface Rule {
  read: ReadRule
  create: boolean
  update: UpdateRule
  delete: boolean
}

const editor: Rule = { read: 'all', create: true, update: 'any', delete: true }
const readOnly: Rule = { read: 'all', create: false, update: 'none', delete: false }
const nothing: Rule = { read: 'none', create: false, update: 'none', delete: false }
const assignedReader: Rule = { read: 'assigned', create: false, update: 'none', delete: false }
const assignedEditor: Rule = { read: 'assigned', create: false, update: 'assigned', delete: false }
const ownProfile: Rule = { read: 'all', create: false, update: 'self', delete: false }

const content = {
  admin: editor,
  designer: editor,
  coProducer: assignedReader,
  publisher: readOnly,
  anonymous: nothing,
}

/** The role table of DESIGN.md, as the tests hold the studio to it. */
export const ACCESS_MATRIX: Record<string, Record<Role, Rule>> = {
  toolkits: content,
  modules: content,
  exercises: content,
  clips: { ...content, coProducer: assignedEditor },
  scripts: { ...content, coProducer: assignedEditor },
  audiences: { ...content, coProducer: readOnly },
  accents: { ...content, coProducer: readOnly },
  animations: content,
  'voice-tracks': content,
  captions: content,
  images: content,
  users: {
    admin: editor,
    designer: ownProfile,
    coProducer: ownProfile,
    publisher: ownProfile,
    anonymous: nothing,
  },
} satisfies Partial<Record<CollectionSlug, Record<Role, Rule>>>

export const MATRIX_COLLECTIONS = Object.keys(ACCESS_MATRIX) as CollectionSlug[]

export const UPLOAD_COLLECTIONS = new Set<CollectionSlug>([
  'animations',
  'voice-tracks',
  'captions',
  'images',
])

/** A small change that keeps the document valid, per collection. */
export function harmlessUpdate(
  collection: CollectionSlug,
  marker: string,
): Record<string, unknown> {
  switch (collection) {
    case 'toolkits':
    case 'scripts':
    case 'animations':
    case 'voice-tracks':
    case 'captions':
      return collection === 'toolkits' ? { summary: marker } : { title: `${collection} ${marker}` }
    case 'modules':
    case 'exercises':
      return { order: 2 }
    case 'clips':
      return { title: `Clip ${marker}` }
    case 'audiences':
      return { description: marker }
    case 'accents':
      return { region: marker }
    case 'images':
      return { alt: `Image ${marker}` }
    case 'users':
      return { displayName: `Renamed ${marker}` }
    default:
      throw new Error(`no harmless update for ${collection}`)
  }
}
