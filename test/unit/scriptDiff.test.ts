import { describe, expect, it } from 'vitest'

import {
  contentHash,
  diffScripts,
  linesOf,
  summariseDiff,
  type DiffEntry,
  type DiffLine,
} from '../../src/domain/scripts/scriptDiff'

const line = (lineId: string, speaker: string, text: string, scene = 0): DiffLine => ({
  lineId,
  speaker,
  text,
  scene,
})

const A = line('a', 'Dean', 'I missed my appointment.')
const B = line('b', 'Mia', 'What happened?')
const C = line('c', 'Dean', 'The bus never came.')
const D = line('d', 'Mia', 'Call me next time.')
const BASE = [A, B, C, D]

/** One short token per entry, so expected diffs read like the script. */
const shape = (entries: DiffEntry[]) =>
  entries.map((e) => {
    switch (e.kind) {
      case 'unchanged':
        return `=${e.line.lineId || e.line.text}`
      case 'added':
        return `+${e.line.lineId || e.line.text}`
      case 'removed':
        return `-${e.line.lineId || e.line.text}`
      case 'changed':
        return `~${e.after.lineId}:${e.changes.join(',')}`
      case 'moved':
        return `>${e.after.lineId}`
    }
  })

describe('linesOf', () => {
  it('should flatten scenes in reading order with 0-based scene numbers', () => {
    expect(
      linesOf({
        scenes: [
          { lines: [{ lineId: 'a', speaker: 'Dean', text: 'Hi.' }] },
          { lines: null },
          { lines: [{ lineId: ' b ', speaker: ' Mia ', text: ' Hello. ' }, { text: 'Bye.' }] },
        ],
      }),
    ).toEqual([line('a', 'Dean', 'Hi.', 0), line('b', 'Mia', 'Hello.', 2), line('', '', 'Bye.', 2)])
  })

  it('should accept empty or missing scenes', () => {
    expect(linesOf({})).toEqual([])
    expect(linesOf({ scenes: null })).toEqual([])
    expect(linesOf({ scenes: [{}] })).toEqual([])
  })
})

describe('diffScripts', () => {
  it('should report nothing but unchanged lines when nothing changed', () => {
    const entries = diffScripts(BASE, structuredClone(BASE))
    expect(shape(entries)).toEqual(['=a', '=b', '=c', '=d'])
    expect(entries[0]).toEqual({ kind: 'unchanged', line: A })
  })

  it('should report an added line where it now is', () => {
    const E = line('e', 'Dean', 'Sorry.')
    expect(shape(diffScripts(BASE, [A, B, E, C, D]))).toEqual(['=a', '=b', '+e', '=c', '=d'])
  })

  it('should place a removed line where it used to be', () => {
    expect(shape(diffScripts(BASE, [A, C, D]))).toEqual(['=a', '-b', '=c', '=d'])
    expect(shape(diffScripts(BASE, [B, C, D]))).toEqual(['-a', '=b', '=c', '=d'])
    expect(shape(diffScripts(BASE, [A, B, C]))).toEqual(['=a', '=b', '=c', '-d'])
  })

  it('should report a text change with both versions', () => {
    const edited = { ...B, text: 'What went wrong?' }
    const entries = diffScripts(BASE, [A, edited, C, D])
    expect(entries[1]).toEqual({ kind: 'changed', before: B, after: edited, changes: ['text'] })
  })

  it('should report a speaker change', () => {
    const edited = { ...C, speaker: 'Mia' }
    expect(shape(diffScripts(BASE, [A, B, edited, D]))).toEqual(['=a', '=b', '~c:speaker', '=d'])
  })

  it('should report a line moved to another scene as a scene change', () => {
    const before = [A, B, C, { ...D, scene: 1 }]
    const after = [A, B, { ...C, scene: 1 }, { ...D, scene: 1 }]
    expect(shape(diffScripts(before, after))).toEqual(['=a', '=b', '~c:scene', '=d'])
  })

  it('should not report scene changes when a scene is inserted before the others', () => {
    const before = [A, B, { ...C, scene: 1 }, { ...D, scene: 1 }]
    const intro = line('i', 'Narrator', 'Monday morning.', 0)
    const after = [
      intro,
      { ...A, scene: 1 },
      { ...B, scene: 1 },
      { ...C, scene: 2 },
      { ...D, scene: 2 },
    ]
    expect(shape(diffScripts(before, after))).toEqual(['+i', '=a', '=b', '=c', '=d'])
  })

  it('should report the lines of merged scenes as changing scene', () => {
    const before = [A, B, { ...C, scene: 1 }, { ...D, scene: 1 }]
    expect(shape(diffScripts(before, BASE))).toEqual(['=a', '=b', '~c:scene', '~d:scene'])
  })

  it('should report the lines split off into a new scene as changing scene', () => {
    const after = [A, B, { ...C, scene: 1 }, { ...D, scene: 1 }]
    expect(shape(diffScripts(BASE, after))).toEqual(['=a', '=b', '~c:scene', '~d:scene'])
  })

  it('should report a line whose order changed as moved', () => {
    const entries = diffScripts(BASE, [B, C, D, A])
    expect(shape(entries)).toEqual(['=b', '=c', '=d', '>a'])
    expect(entries[3]).toEqual({ kind: 'moved', before: A, after: A })
    expect(shape(diffScripts(BASE, [D, A, B, C]))).toEqual(['>d', '=a', '=b', '=c'])
  })

  it('should report a moved and reworded line as moved, keeping both texts', () => {
    const reworded = { ...A, text: 'I missed it.' }
    const entries = diffScripts(BASE, [B, C, D, reworded])
    expect(entries[3]).toEqual({ kind: 'moved', before: A, after: reworded })
  })

  it('should mark only one of two swapped lines as moved', () => {
    expect(summariseDiff(diffScripts([A, B], [B, A]))).toMatchObject({ moved: 1, unchanged: 1 })
  })

  it('should combine additions, removals, edits and moves', () => {
    const E = line('e', 'Mia', 'Okay.')
    const F = line('f', 'Dean', 'I will.')
    const editedC = { ...C, text: 'The bus was late.' }
    const entries = diffScripts([A, B, C, D, F], [A, editedC, E, F, B])
    expect(shape(entries)).toEqual(['=a', '~c:text', '-d', '+e', '=f', '>b'])
    expect(summariseDiff(entries)).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
      moved: 1,
      unchanged: 2,
    })
  })

  it('should match lines without ids by exact speaker and text', () => {
    const before = [line('', 'Dean', 'Hi.'), line('', 'Mia', 'Hello.'), line('', 'Dean', 'Bye.')]
    const after = [
      line('', 'Dean', 'Hi.'),
      line('', 'Mia', 'Hello there.'),
      line('', 'Dean', 'Bye.'),
    ]
    expect(shape(diffScripts(before, after))).toEqual(['=Hi.', '-Hello.', '+Hello there.', '=Bye.'])
  })

  it('should match repeated identical lines without ids in order', () => {
    const yes = line('', 'Dean', 'Yes.')
    const no = line('', 'Mia', 'No.')
    expect(shape(diffScripts([yes, no, yes], [yes, no, yes, yes]))).toEqual([
      '=Yes.',
      '=No.',
      '=Yes.',
      '+Yes.',
    ])
  })

  it('should match a line that has just been given an id to its id-less earlier self', () => {
    const before = [line('', 'Dean', 'Hi.'), line('', 'Mia', 'Hello.')]
    const after = [line('x1', 'Dean', 'Hi.'), line('x2', 'Mia', 'Hello.')]
    expect(summariseDiff(diffScripts(before, after))).toMatchObject({ unchanged: 2 })
  })

  it('should not match two lines with different ids even if their words are the same', () => {
    expect(shape(diffScripts([A], [{ ...A, lineId: 'z' }]))).toEqual(['-a', '+z'])
  })

  it('should handle empty scripts', () => {
    expect(diffScripts([], [])).toEqual([])
    expect(shape(diffScripts([], [A]))).toEqual(['+a'])
    expect(shape(diffScripts([A, B], []))).toEqual(['-a', '-b'])
  })
})

describe('summariseDiff', () => {
  it('should count entries of each kind', () => {
    expect(summariseDiff([])).toEqual({ added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 })
    expect(summariseDiff(diffScripts(BASE, [A, B, C, D]))).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      moved: 0,
      unchanged: 4,
    })
  })
})

describe('contentHash', () => {
  it('should be a sha-256 hex string that is stable across calls and copies', () => {
    const hash = contentHash(BASE)
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(contentHash(structuredClone(BASE))).toBe(hash)
  })

  it('should change when text, speaker or order changes', () => {
    const hash = contentHash(BASE)
    expect(contentHash([A, { ...B, text: 'What happened.' }, C, D])).not.toBe(hash)
    expect(contentHash([A, { ...B, speaker: 'Dean' }, C, D])).not.toBe(hash)
    expect(contentHash([B, A, C, D])).not.toBe(hash)
    expect(contentHash([A, B, C])).not.toBe(hash)
  })

  it('should change when a line changes scene', () => {
    expect(contentHash([A, B, C, { ...D, scene: 1 }])).not.toBe(contentHash(BASE))
  })

  it('should not depend on line ids', () => {
    const renamed = BASE.map((l, i) => ({ ...l, lineId: `new-${i}` }))
    expect(contentHash(renamed)).toBe(contentHash(BASE))
    expect(contentHash(BASE.map((l) => ({ ...l, lineId: '' })))).toBe(contentHash(BASE))
  })

  it('should not be fooled by text that crosses the speaker boundary', () => {
    expect(contentHash([line('a', 'Dean:', 'Hi')])).not.toBe(
      contentHash([line('a', 'Dean', ':Hi')]),
    )
  })

  it('should include the cast when given, ignoring its order', () => {
    const hash = contentHash(BASE, [{ name: 'Dean' }, { name: 'Mia' }])
    expect(contentHash(BASE, [{ name: 'Mia' }, { name: 'Dean' }])).toBe(hash)
    expect(contentHash(BASE, [{ name: 'Dean' }, { name: 'Mia' }, { name: 'Sam' }])).not.toBe(hash)
    expect(contentHash(BASE)).toBe(contentHash(BASE, []))
  })
})
