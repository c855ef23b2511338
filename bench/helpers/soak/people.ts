import { performance } from 'node:perf_hooks'

import type { Answer, Api } from './api'
import type { Write } from './tally'
import type { Comment, Exercise } from '../../../src/payload-types'

/** fetch puts the socket's error code in `cause`; node:http on the error itself. */
const errorCode = (error: unknown) => {
  const { code, cause, message } = error as {
    code?: string
    cause?: { code?: string }
    message?: string
  }
  return cause?.code ?? code ?? message
}

/** Latencies and answers of one route, as the soak's own clients see them. */
export class RouteRecorder {
  readonly latenciesMs: number[] = []
  readonly statuses: Record<string, number> = {}
  constructor(
    readonly name: string,
    readonly expected: readonly number[],
  ) {}

  /** Sends one request and records its status (or why it failed) and its latency. */
  async time<T>(send: () => Promise<Answer<T>>): Promise<Answer<T> | null> {
    const started = performance.now()
    try {
      const answer = await send()
      this.count(String(answer.status))
      this.latenciesMs.push(answer.ms)
      return answer
    } catch (error) {
      this.count(`connection error (${errorCode(error)})`)
      this.latenciesMs.push(performance.now() - started)
      return null
    }
  }

  /** A request the client could not send at all, counted with the errors. */
  notSent(reason: string) {
    this.count(`not sent (${reason})`)
  }

  private count(status: string) {
    this.statuses[status] = (this.statuses[status] ?? 0) + 1
  }
}

/**
 * Calls `act` `ratePerSecond` times a second for `durationMs`, on a fixed schedule whatever the
 * answers take (an open loop, as people do not wait for each other), then waits for the last.
 */
export async function atRate(
  ratePerSecond: number,
  durationMs: number,
  act: (n: number) => Promise<unknown>,
): Promise<void> {
  const interval = 1000 / ratePerSecond
  const started = performance.now()
  const inFlight: Promise<unknown>[] = []
  for (let n = 0; n * interval < durationMs; n++) {
    const due = started + n * interval - performance.now()
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due))
    inFlight.push(act(n))
  }
  await Promise.all(inFlight)
}

export interface DesignerRun {
  titles: RouteRecorder
  comments: RouteRecorder
  writes: Write[]
}

/**
 * A designer writing `ratePerSecond` times a second, turn about: an exercise's English title
 * (round the exercises, never two writes to one exercise at once, so the last acknowledged
 * title is the one that must stay) and a new comment on a script. Every value is unique and
 * kept with whether the studio acknowledged it.
 */
export async function runDesigner(input: {
  api: Api
  exerciseIds: number[]
  scriptIds: number[]
  ratePerSecond: number
  durationMs: number
  tag: string
}): Promise<DesignerRun> {
  const { api } = input
  const run: DesignerRun = {
    titles: new RouteRecorder('PATCH /api/exercises/:id (title)', [200]),
    comments: new RouteRecorder('POST /api/comments', [201]),
    writes: [],
  }
  const busy = new Set<number>()
  let nextExercise = 0
  const writeTitle = async (n: number) => {
    if (busy.size === input.exerciseIds.length)
      return run.titles.notSent('every exercise has a title write in flight')
    let id = input.exerciseIds[nextExercise++ % input.exerciseIds.length]
    while (busy.has(id)) id = input.exerciseIds[nextExercise++ % input.exerciseIds.length]
    busy.add(id)
    const value = `Soak ${input.tag} title ${n}`
    const write: Write = { key: `exercises:${id} title`, value, acknowledged: false }
    run.writes.push(write)
    const answer = await run.titles.time(() =>
      api.request<{ doc: Exercise }>('PATCH', `/api/exercises/${id}?depth=0`, { title: value }),
    )
    write.acknowledged = answer?.status === 200 && answer.json.doc.title === value
    busy.delete(id)
  }
  const writeComment = async (n: number) => {
    const value = `Soak ${input.tag} comment ${n}`
    const script = input.scriptIds[n % input.scriptIds.length]
    const answer = await run.comments.time(() =>
      api.request<{ doc: Comment }>('POST', '/api/comments?depth=0', { script, body: value }),
    )
    // A comment the studio did not acknowledge has no id to look for afterwards.
    if (answer?.status === 201 && answer.json.doc.body === value)
      run.writes.push({ key: `comments:${answer.json.doc.id} body`, value, acknowledged: true })
  }
  await atRate(input.ratePerSecond, input.durationMs, (n) =>
    n % 2 === 0 ? writeTitle(n) : writeComment(n),
  )
  return run
}

/** Reads back every place the designer wrote: exercise titles and comment bodies. */
export async function readBack(api: Api, writes: readonly Write[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const idsOf = (collection: string) => [
    ...new Set(
      writes
        .filter((w) => w.key.startsWith(`${collection}:`))
        .map((w) => Number(w.key.slice(collection.length + 1).split(' ')[0])),
    ),
  ]
  const read = async <T extends { id: number }>(collection: string, ids: number[]) => {
    const docs: T[] = []
    for (let at = 0; at < ids.length; at += 100) {
      const chunk = ids.slice(at, at + 100)
      const answer = await api.request<{ docs: T[] }>(
        'GET',
        `/api/${collection}?depth=0&limit=100&where[id][in]=${chunk.join(',')}`,
      )
      if (answer.status !== 200)
        throw new Error(`read back ${collection}: HTTP ${answer.status} ${answer.text}`)
      docs.push(...answer.json.docs)
    }
    return docs
  }
  for (const doc of await read<Exercise>('exercises', idsOf('exercises')))
    if (doc.title != null) found.set(`exercises:${doc.id} title`, doc.title)
  for (const doc of await read<Comment>('comments', idsOf('comments')))
    if (doc.body != null) found.set(`comments:${doc.id} body`, doc.body)
  return found
}

/** A publisher listing the clips `ratePerSecond` times a second. */
export async function runPublisher(input: {
  api: Api
  ratePerSecond: number
  durationMs: number
}): Promise<RouteRecorder> {
  const route = new RouteRecorder('GET /api/clips (publisher)', [200])
  await atRate(input.ratePerSecond, input.durationMs, () =>
    route.time(() => input.api.request('GET', '/api/clips?depth=0&limit=100')),
  )
  return route
}
