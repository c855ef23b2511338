import { createHash } from 'node:crypto'

export interface DiffLine {
  /** '' when the line has no id yet. */
  lineId: string
  speaker: string
  text: string
  /** 0-based index of the scene the line is in. */
  scene: number
}

/**
 * A `moved` line may also have been edited; compare `before` and `after` to show the edit, so a
 * reworded line is never hidden behind "moved".
 */
export type DiffEntry =
  | { kind: 'unchanged'; line: DiffLine }
  | { kind: 'added'; line: DiffLine }
  | { kind: 'removed'; line: DiffLine }
  | {
      kind: 'changed'
      before: DiffLine
      after: DiffLine
      changes: ('speaker' | 'text' | 'scene')[]
    }
  | { kind: 'moved'; before: DiffLine; after: DiffLine }

/**
 * Flattens a script (as stored, with optional fields) into lines in reading order. Surrounding
 * whitespace is trimmed so a stray space is not reported as a change.
 */
export function linesOf(script: {
  scenes?:
    | {
        lines?: { lineId?: string | null; speaker?: string | null; text?: string | null }[] | null
      }[]
    | null
}): DiffLine[] {
  return (script.scenes ?? []).flatMap((scene, sceneIndex) =>
    (scene.lines ?? []).map((line) => ({
      lineId: line.lineId?.trim() ?? '',
      speaker: line.speaker?.trim() ?? '',
      text: line.text?.trim() ?? '',
      scene: sceneIndex,
    })),
  )
}

/**
 * Pairs each `after` line with the `before` line it came from. Ids come first because they are
 * the stable anchors comments and recordings use. Lines lacking an id on either side fall back to
 * exact speaker+text, in order; two different ids never pair, since a new id means a new line.
 */
function pairLines(before: DiffLine[], after: DiffLine[]): (number | undefined)[] {
  const partnerOf: (number | undefined)[] = after.map(() => undefined)
  const taken = new Set<number>()

  const byId = new Map<string, number[]>()
  before.forEach((line, i) => {
    if (line.lineId) byId.set(line.lineId, [...(byId.get(line.lineId) ?? []), i])
  })
  after.forEach((line, j) => {
    if (!line.lineId) return
    const i = byId.get(line.lineId)?.find((candidate) => !taken.has(candidate))
    if (i === undefined) return
    partnerOf[j] = i
    taken.add(i)
  })

  const contentKey = (line: DiffLine) => JSON.stringify([line.speaker, line.text])
  after.forEach((line, j) => {
    if (partnerOf[j] !== undefined) return
    const i = before.findIndex(
      (candidate, index) =>
        !taken.has(index) &&
        (!line.lineId || !candidate.lineId) &&
        contentKey(candidate) === contentKey(line),
    )
    if (i === -1) return
    partnerOf[j] = i
    taken.add(i)
  })
  return partnerOf
}

/**
 * Indices (into `values`) of one longest strictly increasing subsequence, found by patience
 * sorting in O(n log n). Paired lines on it kept their relative order; the rest moved.
 */
function longestIncreasing(values: number[]): Set<number> {
  const tails: number[] = [] // tails[k]: index of the smallest tail of a run of length k + 1
  const previous: number[] = values.map(() => -1)
  values.forEach((value, index) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (values[tails[mid]] < value) low = mid + 1
      else high = mid
    }
    if (low > 0) previous[index] = tails[low - 1]
    tails[low] = index
  })
  const kept = new Set<number>()
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index]) kept.add(index)
  return kept
}

/**
 * Aligns before-scenes with after-scenes one-to-one, in order, maximising the lines they share.
 * Without this, inserting an opening scene would renumber every later scene and report every line
 * as changed; with it, only lines that really changed scene (a split, a merge) are.
 */
function alignScenes(pairs: { before: DiffLine; after: DiffLine }[]): Map<number, number> {
  const shared = new Map<string, number>()
  let beforeScenes = 0
  let afterScenes = 0
  for (const { before, after } of pairs) {
    const key = `${before.scene}:${after.scene}`
    shared.set(key, (shared.get(key) ?? 0) + 1)
    beforeScenes = Math.max(beforeScenes, before.scene + 1)
    afterScenes = Math.max(afterScenes, after.scene + 1)
  }
  const weight = (b: number, a: number) => shared.get(`${b}:${a}`) ?? 0

  // best[b][a]: most shared lines aligning the first b before-scenes with the first a after-scenes.
  const best = Array.from({ length: beforeScenes + 1 }, () =>
    new Array<number>(afterScenes + 1).fill(0),
  )
  for (let b = 1; b <= beforeScenes; b++) {
    for (let a = 1; a <= afterScenes; a++) {
      const w = weight(b - 1, a - 1)
      best[b][a] = Math.max(best[b - 1][a], best[b][a - 1], w > 0 ? best[b - 1][a - 1] + w : 0)
    }
  }
  const alignment = new Map<number, number>()
  // Walk back preferring to skip a scene over pairing, so ties pair the earliest scenes: after a
  // merge the first scene keeps its lines and the merged-in lines are the ones that moved.
  for (let b = beforeScenes, a = afterScenes; b > 0 && a > 0;) {
    if (best[b][a] === best[b - 1][a]) b--
    else if (best[b][a] === best[b][a - 1]) a--
    else {
      alignment.set(b - 1, a - 1)
      b--
      a--
    }
  }
  return alignment
}

/**
 * Line-level diff in the order of `after`, with each removed line placed just after the nearest
 * earlier line that stayed in place (or first, if there is none), so it shows where it used to be.
 */
export function diffScripts(before: DiffLine[], after: DiffLine[]): DiffEntry[] {
  const partnerOf = pairLines(before, after)

  const pairedAfter = after.map((_, j) => j).filter((j) => partnerOf[j] !== undefined)
  const inOrder = longestIncreasing(pairedAfter.map((j) => partnerOf[j] as number))
  const stayed = new Set(pairedAfter.filter((_, k) => inOrder.has(k)))

  const sceneOf = alignScenes(
    pairedAfter.map((j) => ({ before: before[partnerOf[j] as number], after: after[j] })),
  )

  // Where each removed line goes: after the after-index of the last stayed line before it.
  const afterIndexOfBefore = new Map<number, number>()
  pairedAfter.forEach((j) => {
    if (stayed.has(j)) afterIndexOfBefore.set(partnerOf[j] as number, j)
  })
  const pairedBefore = new Set(partnerOf.filter((i): i is number => i !== undefined))
  const removedAfter = new Map<number, DiffLine[]>()
  let anchor = -1
  before.forEach((line, i) => {
    anchor = afterIndexOfBefore.get(i) ?? anchor
    if (pairedBefore.has(i)) return
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), line])
  })

  const entries: DiffEntry[] = []
  const pushRemoved = (anchorIndex: number) => {
    for (const line of removedAfter.get(anchorIndex) ?? []) entries.push({ kind: 'removed', line })
  }

  pushRemoved(-1)
  after.forEach((line, j) => {
    const i = partnerOf[j]
    if (i === undefined) {
      entries.push({ kind: 'added', line })
    } else if (!stayed.has(j)) {
      entries.push({ kind: 'moved', before: before[i], after: line })
    } else {
      const was = before[i]
      const changes: ('speaker' | 'text' | 'scene')[] = []
      if (was.speaker !== line.speaker) changes.push('speaker')
      if (was.text !== line.text) changes.push('text')
      if (sceneOf.get(was.scene) !== line.scene) changes.push('scene')
      entries.push(
        changes.length > 0
          ? { kind: 'changed', before: was, after: line, changes }
          : { kind: 'unchanged', line },
      )
    }
    pushRemoved(j)
  })
  return entries
}

export function summariseDiff(entries: DiffEntry[]): {
  added: number
  removed: number
  changed: number
  moved: number
  unchanged: number
} {
  const summary = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 }
  for (const entry of entries) summary[entry.kind]++
  return summary
}

/**
 * A fingerprint of what will be voiced and animated: each line's scene, speaker and text in order,
 * plus the cast when given. Line ids are left out (they are bookkeeping, and get assigned on
 * save), so approvals survive id assignment but not a change of words. Character order is
 * ignored because it does not reach the clip.
 */
export function contentHash(lines: DiffLine[], characters?: { name: string }[]): string {
  const payload = {
    format: 1,
    lines: lines.map((line) => [line.scene, line.speaker, line.text]),
    characters: (characters ?? []).map((c) => c.name.trim()).sort(),
  }
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex')
}
