import type { CollectionSlug, Payload } from 'payload'
import { expect } from 'vitest'

import { uniqueSuffix } from './payload'
import { loginToken, type Studio } from './studio'
import { PASSWORD, vttFile, type World } from './world'
import { asRelationId } from '../../../src/domain/refs'
import type { Clip, Comment, Script, User } from '../../../src/payload-types'
import { scriptContentHash } from '../../../src/services/review/context'

type Id = number | string

export type ReviewActionName = 'submit' | 'approve' | 'requestChanges' | 'returnToDraft'

/** A person making requests: a JWT, or null for an anonymous request. */
export type Token = string | null

export interface HttpResult<T> {
  status: number
  /** The parsed body, or undefined when it was not JSON. */
  json: T
  /** The raw body, for searching for strings that must never be sent. */
  text: string
}

export interface ErrorBody {
  errors?: { message: string }[]
}

export interface ReviewStateBody extends ErrorBody {
  script: {
    id: number
    status: Script['status']
    scenes: {
      heading?: string | null
      lines: { lineId: string; speaker: string; text: string }[]
    }[]
  }
  allowedActions: string[]
  reviewers: { id: string; displayName: string; role: string | null }[]
  approvals: {
    userId: string
    displayName: string
    role: string
    versionId: string
    contentHash: string
    current: boolean
  }[]
  comments: {
    id: number
    lineId: string | null
    parent: number | null
    body: string
    resolved: boolean
    author: string
    quotedText: string | null
    lineChanged: boolean
  }[]
  readability: {
    lines: { lineId: string; isHard: boolean; fleschReadingEase: number }[]
    overall: { fleschReadingEase: number }
    hardLineIds: string[]
    threshold: number
  }
  versions: { id: number | string; updatedAt: string; status: string | null }[]
}

export interface DiffLineBody {
  lineId: string
  speaker: string
  text: string
  scene: number
}

export interface DiffBody extends ErrorBody {
  summary: { added: number; removed: number; changed: number; moved: number; unchanged: number }
  entries: (
    | { kind: 'unchanged' | 'added' | 'removed'; line: DiffLineBody }
    | { kind: 'changed'; before: DiffLineBody; after: DiffLineBody; changes: string[] }
    | { kind: 'moved'; before: DiffLineBody; after: DiffLineBody }
  )[]
}

/** One JSON request over real HTTP, signed in with a JWT (or anonymous). */
export async function http<T = ErrorBody>(
  baseUrl: string,
  token: Token,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<HttpResult<T>> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `JWT ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  let json: T
  try {
    json = JSON.parse(text) as T
  } catch {
    json = undefined as T
  }
  return { status: response.status, json, text }
}

/** The first error message of a refused request, for assertion messages. */
export const messageOf = (result: HttpResult<unknown>): string =>
  ((result.json as ErrorBody | undefined)?.errors ?? []).map((e) => e.message).join('; ') ||
  result.text.slice(0, 300)

export type Person = keyof World['users'] | 'secondDesigner' | 'thirdCoProducer'

export interface ScriptSpec {
  clip?: Id
  title?: string
  assignedCoProducers?: Id[]
  scenes?: { heading: string; lines: { speaker: 'Dean' | 'Sam'; text: string }[] }[]
}

export const DEFAULT_SCENES: NonNullable<ScriptSpec['scenes']> = [
  {
    heading: 'Office',
    lines: [
      { speaker: 'Dean', text: 'Sorry I am late.' },
      { speaker: 'Sam', text: 'Sit down and tell me what happened.' },
    ],
  },
  {
    heading: 'Street',
    lines: [
      { speaker: 'Dean', text: 'The bus did not come.' },
      { speaker: 'Sam', text: 'Next time, call me.' },
    ],
  },
]

/** What must stay the same when an action is refused. */
export interface ReviewSnapshot {
  status: Script['status']
  approvals: { user: string; role: string; versionId: string; contentHash: string }[]
  reviewers: string[]
  reviewedVersionId: string | null
  approvedContentHash: string | null
  contentHash: string
}

const idOf = (ref: unknown): string =>
  String(typeof ref === 'object' && ref ? (ref as { id: Id }).id : ref)

/**
 * The people, their tokens, and factories for the documents a co-production test needs. Every
 * document made here (and every comment on a script made here) is deleted by `cleanup`.
 */
export class ReviewFixture {
  readonly people = {} as Record<Person, User>
  private readonly tokens = new Map<Person, string>()
  private readonly made: { collection: CollectionSlug; id: Id }[] = []
  private readonly scriptIds: Id[] = []
  private readonly commentIds: Id[] = []

  constructor(private readonly studio: Studio) {}

  get payload(): Payload {
    return this.studio.payload
  }

  get world(): World {
    return this.studio.world
  }

  get url(): string {
    return this.studio.server.url
  }

  /** Signs everybody in, and adds a second designer and a third co-producer. */
  async setUp(): Promise<void> {
    const suffix = uniqueSuffix()
    Object.assign(this.people, this.world.users)
    this.people.secondDesigner = await this.track('users', () =>
      this.payload.create({
        collection: 'users',
        overrideAccess: true,
        data: {
          email: `designer2-${suffix}@test.example`,
          password: PASSWORD,
          role: 'designer',
          displayName: `Second designer ${suffix}`,
        },
      }),
    )
    this.people.thirdCoProducer = await this.track('users', () =>
      this.payload.create({
        collection: 'users',
        overrideAccess: true,
        data: {
          email: `cop3-${suffix}@test.example`,
          password: PASSWORD,
          role: 'coProducer',
          displayName: `Lee ${suffix}`,
          pseudonym: `Lee ${suffix}`,
          realName: `Third Real ${suffix}`,
        },
      }),
    )
    for (const person of Object.keys(this.people) as Person[]) {
      this.tokens.set(person, await loginToken(this.url, this.people[person].email, PASSWORD))
    }
  }

  async cleanup(): Promise<void> {
    // Comments first: they point at the scripts. Some may have been moved off those scripts.
    for (const id of this.commentIds) {
      await this.payload
        .delete({ collection: 'comments', id, overrideAccess: true })
        .catch(() => undefined)
    }
    if (this.scriptIds.length > 0) {
      await this.payload
        .delete({
          collection: 'comments',
          where: { script: { in: this.scriptIds } },
          overrideAccess: true,
        })
        .catch(() => undefined)
    }
    for (const { collection, id } of [...this.made].reverse()) {
      await this.payload.delete({ collection, id, overrideAccess: true }).catch(() => undefined)
    }
  }

  token(person: Person | 'anonymous'): Token {
    if (person === 'anonymous') return null
    const token = this.tokens.get(person)
    if (!token) throw new Error(`no token for ${person}`)
    return token
  }

  id(person: Person): number {
    return this.people[person].id
  }

  request<T = ErrorBody>(
    person: Person | 'anonymous',
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<HttpResult<T>> {
    return http<T>(this.url, this.token(person), method, path, body)
  }

  private async track<T extends { id: Id }>(
    collection: CollectionSlug,
    create: () => Promise<T>,
  ): Promise<T> {
    const doc = await create()
    this.made.push({ collection, id: doc.id })
    return doc
  }

  /** A fresh, published draft script (Dean and Sam, two scenes) assigned to the co-producer. */
  async createScript(spec: ScriptSpec = {}): Promise<Script> {
    const script = await this.track('scripts', () =>
      this.payload.create({
        collection: 'scripts',
        overrideAccess: true,
        data: {
          title: spec.title ?? `Co-production ${uniqueSuffix()}`,
          clip: asRelationId(spec.clip ?? this.world.docs.clips.assigned),
          status: 'draft',
          _status: 'published',
          assignedCoProducers: (spec.assignedCoProducers ?? [this.id('coProducer')]).map(
            asRelationId,
          ),
          characters: [{ name: 'Dean' }, { name: 'Sam' }],
          scenes: spec.scenes ?? DEFAULT_SCENES,
        },
      }),
    )
    this.scriptIds.push(script.id)
    return script
  }

  /** A fresh clip with no media; add rows later so they are stamped with the script text. */
  async createClip(): Promise<Clip> {
    const suffix = uniqueSuffix()
    return this.track('clips', () =>
      this.payload.create({
        collection: 'clips',
        overrideAccess: true,
        data: { title: `Lineage clip ${suffix}`, slug: `lineage-${suffix}` },
      }),
    )
  }

  /** A new caption file (a different upload than the world's). */
  async createCaptionFile(): Promise<number> {
    const suffix = uniqueSuffix()
    const file = await vttFile(`replacement-${suffix}.vtt`)()
    const caption = await this.track('captions', () =>
      this.payload.create({
        collection: 'captions',
        overrideAccess: true,
        data: { title: `Replacement ${suffix}` },
        file,
      }),
    )
    return caption.id
  }

  /** The script as stored (latest draft included), bypassing access. */
  storedScript(id: Id): Promise<Script> {
    return this.payload.findByID({
      collection: 'scripts',
      id,
      depth: 0,
      draft: true,
      overrideAccess: true,
    })
  }

  storedClip(id: Id): Promise<Clip> {
    return this.payload.findByID({ collection: 'clips', id, depth: 0, overrideAccess: true })
  }

  storedComment(id: Id): Promise<Comment> {
    return this.payload.findByID({ collection: 'comments', id, depth: 0, overrideAccess: true })
  }

  async snapshot(id: Id): Promise<ReviewSnapshot> {
    const script = await this.storedScript(id)
    return {
      status: script.status,
      approvals: (script.approvals ?? []).map((a) => ({
        user: idOf(a.user),
        role: a.role,
        versionId: a.versionId,
        contentHash: a.contentHash,
      })),
      reviewers: (script.reviewers ?? []).map(idOf),
      reviewedVersionId: script.reviewedVersionId ?? null,
      approvedContentHash: script.approvedContentHash ?? null,
      contentHash: scriptContentHash(script),
    }
  }

  review(
    person: Person | 'anonymous',
    scriptId: Id,
    action: string,
    reviewers?: Id[],
  ): Promise<HttpResult<{ status?: Script['status']; message?: string } & ErrorBody>> {
    return this.request(person, 'POST', `/api/scripts/${scriptId}/review`, {
      action,
      ...(reviewers ? { reviewers } : {}),
    })
  }

  /** A review action that must succeed and lead to `expected`. */
  async reviewOk(
    person: Person,
    scriptId: Id,
    action: ReviewActionName,
    expected: Script['status'],
    reviewers?: Id[],
  ): Promise<void> {
    const result = await this.review(person, scriptId, action, reviewers)
    expect(result.status, `${person} ${action}: ${messageOf(result)}`).toBe(200)
    expect(result.json.status).toBe(expected)
  }

  /** Submits with the co-producer and the designer as reviewers. */
  submit(scriptId: Id, reviewers: Id[] = [this.id('coProducer'), this.id('designer')]) {
    return this.reviewOk('designer', scriptId, 'submit', 'inReview', reviewers)
  }

  /** Submit, then approval by the co-producer and the designer. */
  async approve(scriptId: Id): Promise<void> {
    await this.submit(scriptId)
    await this.reviewOk('coProducer', scriptId, 'approve', 'inReview')
    await this.reviewOk('designer', scriptId, 'approve', 'approved')
  }

  reviewState(person: Person | 'anonymous', scriptId: Id) {
    return this.request<ReviewStateBody>(person, 'GET', `/api/scripts/${scriptId}/review`)
  }

  /** The script as the REST API returns it to this person (latest draft). */
  getScript(person: Person | 'anonymous', scriptId: Id, depth = 0) {
    return this.request<Script & ErrorBody>(
      person,
      'GET',
      `/api/scripts/${scriptId}?depth=${depth}&draft=true`,
    )
  }

  /**
   * Changes the words of one line through PATCH /api/scripts/:id, sending the full scenes with
   * their line ids (as the admin form does).
   */
  async editLine(person: Person, scriptId: Id, lineId: string, text: string) {
    const script = await this.storedScript(scriptId)
    const scenes = structuredClone(script.scenes ?? [])
    const line = scenes.flatMap((s) => s.lines ?? []).find((l) => l.lineId === lineId)
    if (!line) throw new Error(`line ${lineId} is not in script ${scriptId}`)
    line.text = text
    return this.request<{ doc?: Script } & ErrorBody>(person, 'PATCH', `/api/scripts/${scriptId}`, {
      scenes,
    })
  }

  async comment(
    person: Person | 'anonymous',
    data: { script: Id; lineId?: string; body: string; parent?: Id },
  ) {
    const result = await this.request<{ doc: Comment } & ErrorBody>(
      person,
      'POST',
      '/api/comments',
      data,
    )
    if (result.json?.doc?.id != null) this.commentIds.push(result.json.doc.id)
    return result
  }
}

/** Line ids of a script in reading order. */
export function lineIdsOf(script: Pick<Script, 'scenes'>): string[] {
  return (script.scenes ?? []).flatMap((s) => (s.lines ?? []).map((l) => l.lineId ?? ''))
}

export function lineOf(script: Pick<Script, 'scenes'>, lineId: string) {
  const line = (script.scenes ?? []).flatMap((s) => s.lines ?? []).find((l) => l.lineId === lineId)
  if (!line) throw new Error(`line ${lineId} not found`)
  return line
}

export { scriptContentHash }
