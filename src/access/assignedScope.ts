import type { Access, PayloadRequest, Where } from 'payload'

import { hasRole, staffUser } from './roles'
import { idOf, type Id } from '../domain/refs'

/** What a co-producer is assigned to, and everything they need to read to work on it. */
export interface AssignedScope {
  scriptIds: Id[]
  clipIds: Id[]
  exerciseIds: Id[]
  moduleIds: Id[]
  toolkitIds: Id[]
  animationIds: Id[]
  voiceTrackIds: Id[]
  captionIds: Id[]
  imageIds: Id[]
}

export type ScopeKey = keyof AssignedScope

// One scope per request: list views call several access functions with the same request.
const scopes = new WeakMap<object, Promise<AssignedScope>>()

export function getAssignedScope(req: PayloadRequest, userId: Id): Promise<AssignedScope> {
  const cached = scopes.get(req)
  if (cached) return cached
  const scope = loadAssignedScope(req, userId)
  scopes.set(req, scope)
  return scope
}

const unique = (values: (Id | null)[]): Id[] => {
  const seen = new Map<string, Id>()
  for (const value of values) if (value != null) seen.set(String(value), value)
  return [...seen.values()]
}

async function loadAssignedScope(req: PayloadRequest, userId: Id): Promise<AssignedScope> {
  const { payload } = req
  const common = { req, overrideAccess: true, depth: 0, pagination: false } as const

  const scripts = await payload.find({
    ...common,
    collection: 'scripts',
    where: { assignedCoProducers: { in: [userId] } },
    select: { clip: true },
  })
  const scriptClipIds = unique(scripts.docs.map((s) => idOf(s.clip)))
  const clips = scriptClipIds.length
    ? await payload.find({
        ...common,
        collection: 'clips',
        where: { id: { in: scriptClipIds } },
        select: {
          variantOf: true,
          animation: true,
          voiceTracks: true,
          captions: true,
          poster: true,
        },
      })
    : { docs: [] }
  const clipIds = unique(clips.docs.map((c) => c.id))
  // A co-producer working on an audience variant needs the exercises that show its base clip.
  const exerciseClipIds = unique([...clipIds, ...clips.docs.map((c) => idOf(c.variantOf))])
  const exercises = exerciseClipIds.length
    ? await payload.find({
        ...common,
        collection: 'exercises',
        where: { clip: { in: exerciseClipIds } },
        select: { module: true },
      })
    : { docs: [] }
  const moduleIds = unique(exercises.docs.map((e) => idOf(e.module)))
  const modules = moduleIds.length
    ? await payload.find({
        ...common,
        collection: 'modules',
        where: { id: { in: moduleIds } },
        select: { toolkit: true },
      })
    : { docs: [] }
  const toolkitIds = unique(modules.docs.map((m) => idOf(m.toolkit)))
  const toolkits = toolkitIds.length
    ? await payload.find({
        ...common,
        collection: 'toolkits',
        where: { id: { in: toolkitIds } },
        select: { coverImage: true },
      })
    : { docs: [] }

  return {
    scriptIds: unique(scripts.docs.map((s) => s.id)),
    clipIds,
    exerciseIds: unique(exercises.docs.map((e) => e.id)),
    moduleIds,
    toolkitIds,
    animationIds: unique(clips.docs.map((c) => idOf(c.animation))),
    voiceTrackIds: unique(
      clips.docs.flatMap((c) => (c.voiceTracks ?? []).map((v) => idOf(v.track))),
    ),
    captionIds: unique(clips.docs.flatMap((c) => (c.captions ?? []).map((t) => idOf(t.track)))),
    imageIds: unique([
      ...clips.docs.map((c) => idOf(c.poster)),
      ...toolkits.docs.map((t) => idOf(t.coverImage)),
    ]),
  }
}

// Matches no document on every adapter (an empty `in` is not portable).
const NOTHING: Where = { id: { exists: false } }

export function whereIdIn(ids: Id[]): Where {
  return ids.length ? { id: { in: ids } } : NOTHING
}

/**
 * Read access for content: staff other than co-producers read everything; a co-producer reads
 * only what their assignments reach.
 */
export function readAllOrAssigned(key: ScopeKey): Access {
  return async ({ req }) => {
    const user = staffUser(req)
    if (!user) return false
    if (user.role !== 'coProducer') return true
    const scope = await getAssignedScope(req, user.id)
    return whereIdIn(scope[key])
  }
}

/** Update access for clips: editors, or a co-producer on a clip they are assigned to. */
export const editorsOrAssignedClip: Access = async ({ req }) => {
  if (hasRole(req, 'admin', 'designer')) return true
  const user = staffUser(req)
  if (user?.role !== 'coProducer') return false
  const scope = await getAssignedScope(req, user.id)
  return whereIdIn(scope.clipIds)
}

/** Scripts: a co-producer edits only assigned scripts that are open for drafting. */
export const editorsOrAssignedDraftScript: Access = ({ req }) => {
  if (hasRole(req, 'admin', 'designer')) return true
  const user = staffUser(req)
  if (user?.role !== 'coProducer') return false
  const openForDrafting: Where[] = [
    { assignedCoProducers: { in: [user.id] } },
    { status: { in: ['draft', 'changesRequested'] } },
  ]
  return { and: openForDrafting }
}

export const readAllOrAssignedScript: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role !== 'coProducer') return true
  return { assignedCoProducers: { in: [user.id] } }
}

/** Versions hold the same text as the script: the same people may read them. */
export const readAllOrAssignedScriptVersions: Access = ({ req }) => {
  const user = staffUser(req)
  if (!user) return false
  if (user.role !== 'coProducer') return true
  return { 'version.assignedCoProducers': { in: [user.id] } }
}

/**
 * Comments and voice comments are for the people working on a script: its co-producers (on
 * assigned scripts only), designers and admins. Publishers take no part in the conversation.
 */
export const onScriptsInScope: Access = async ({ req }) => {
  const user = staffUser(req)
  if (!user || user.role === 'publisher') return false
  if (user.role !== 'coProducer') return true
  const scope = await getAssignedScope(req, user.id)
  return scope.scriptIds.length ? { script: { in: scope.scriptIds } } : whereIdIn([])
}
