import { describe, expect, it } from 'vitest'

import {
  assignMissingLineIds,
  findScriptProblems,
  type ScriptInput,
} from '../../src/domain/scripts/scriptRules'

const sequence = (...ids: string[]) => {
  const queue = [...ids]
  return () => {
    const next = queue.shift()
    if (next === undefined) throw new Error('generator exhausted')
    return next
  }
}

describe('findScriptProblems', () => {
  it('should find no problems in a well-formed script', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }, { name: 'Mia' }],
      scenes: [
        {
          lines: [
            { lineId: 'l1', speaker: 'Dean', text: 'Hello.' },
            { lineId: 'l2', speaker: 'Mia', text: 'Hi.' },
          ],
        },
        { lines: [{ lineId: 'l3', speaker: ' Dean ', text: 'Bye.' }] },
      ],
    }
    expect(findScriptProblems(script)).toEqual([])
  })

  it('should find no problems in an empty script', () => {
    expect(findScriptProblems({})).toEqual([])
    expect(findScriptProblems({ characters: null, scenes: null })).toEqual([])
    expect(findScriptProblems({ scenes: [{ lines: null }, {}] })).toEqual([])
  })

  it('should report an unknown speaker at its field path and list the characters', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }, { name: 'Mia' }],
      scenes: [
        {
          lines: [
            { lineId: 'l1', speaker: 'Dean', text: 'Hello.' },
            { lineId: 'l2', speaker: 'Sam', text: 'Who?' },
          ],
        },
      ],
    }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'scenes.0.lines.1.speaker',
        message:
          'Speaker "Sam" (scene 1, line 2) is not a character of this script. Characters: Dean, Mia.',
      },
    ])
  })

  it('should treat speakers as case-sensitive character names', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }],
      scenes: [{ lines: [{ lineId: 'l1', speaker: 'dean' }] }],
    }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'scenes.0.lines.0.speaker',
        message:
          'Speaker "dean" (scene 1, line 1) is not a character of this script. Characters: Dean.',
      },
    ])
  })

  it.each([undefined, null, '', '   '])('should report a missing speaker (%j)', (speaker) => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }, { name: 'Mia' }],
      scenes: [{ lines: [] }, { lines: [{ lineId: 'a' }, { lineId: 'b', speaker }] }],
    }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'scenes.1.lines.0.speaker',
        message: 'Scene 2, line 1 has no speaker. Characters: Dean, Mia.',
      },
      {
        path: 'scenes.1.lines.1.speaker',
        message: 'Scene 2, line 2 has no speaker. Characters: Dean, Mia.',
      },
    ])
  })

  it('should tell the author to add characters when the script has none', () => {
    const script: ScriptInput = { scenes: [{ lines: [{ lineId: 'l1', speaker: 'Dean' }] }] }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'scenes.0.lines.0.speaker',
        message:
          'Speaker "Dean" (scene 1, line 1) is not a character of this script. Characters: none yet: add characters first.',
      },
    ])
  })

  it('should ignore blank character names when listing the characters', () => {
    const script: ScriptInput = {
      characters: [{ name: '' }, { name: null }, {}, { name: 'Mia' }],
      scenes: [{ lines: [{ lineId: 'l1', speaker: 'Sam' }] }],
    }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'scenes.0.lines.0.speaker',
        message:
          'Speaker "Sam" (scene 1, line 1) is not a character of this script. Characters: Mia.',
      },
    ])
  })

  it('should report duplicate character names regardless of case', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }, { name: 'Mia' }, { name: 'dean' }, { name: ' DEAN ' }],
      scenes: [],
    }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'characters.2.name',
        message: 'Character "dean" is listed twice; each character needs a distinct name.',
      },
      {
        path: 'characters.3.name',
        message: 'Character "DEAN" is listed twice; each character needs a distinct name.',
      },
    ])
  })

  it('should report duplicate line ids against the line that used the id first', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }],
      scenes: [
        {
          lines: [
            { lineId: 'l1', speaker: 'Dean' },
            { lineId: 'l2', speaker: 'Dean' },
          ],
        },
        {
          lines: [
            { lineId: ' l2 ', speaker: 'Dean' },
            { lineId: 'l1', speaker: 'Dean' },
          ],
        },
      ],
    }
    expect(findScriptProblems(script)).toEqual([
      {
        path: 'scenes.1.lines.0.lineId',
        message:
          'Line id "l2" is already used by scene 1, line 2; line ids must be unique within a script.',
      },
      {
        path: 'scenes.1.lines.1.lineId',
        message:
          'Line id "l1" is already used by scene 1, line 1; line ids must be unique within a script.',
      },
    ])
  })

  it('should not treat lines without ids as duplicates of each other', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }],
      scenes: [
        {
          lines: [
            { speaker: 'Dean' },
            { lineId: '', speaker: 'Dean' },
            { lineId: null, speaker: 'Dean' },
          ],
        },
      ],
    }
    expect(findScriptProblems(script)).toEqual([])
  })

  it('should report every problem in document order', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }, { name: 'dean' }],
      scenes: [
        {
          lines: [
            { lineId: 'x', speaker: 'Sam' },
            { lineId: 'x', speaker: 'Dean' },
          ],
        },
      ],
    }
    expect(findScriptProblems(script).map((p) => p.path)).toEqual([
      'characters.1.name',
      'scenes.0.lines.0.speaker',
      'scenes.0.lines.1.lineId',
    ])
  })
})

describe('assignMissingLineIds', () => {
  it('should keep existing ids and fill in missing ones', () => {
    const script = {
      characters: [{ name: 'Dean' }],
      scenes: [
        {
          lines: [
            { lineId: 'keep-1', speaker: 'Dean', text: 'One' },
            { speaker: 'Dean', text: 'Two' },
          ],
        },
        { lines: [{ lineId: null, speaker: 'Dean', text: 'Three' }] },
      ],
    }
    expect(assignMissingLineIds(script, sequence('new-1', 'new-2'))).toEqual({
      characters: [{ name: 'Dean' }],
      scenes: [
        {
          lines: [
            { lineId: 'keep-1', speaker: 'Dean', text: 'One' },
            { lineId: 'new-1', speaker: 'Dean', text: 'Two' },
          ],
        },
        { lines: [{ lineId: 'new-2', speaker: 'Dean', text: 'Three' }] },
      ],
    })
  })

  it('should skip generated ids that are already used by existing lines', () => {
    const script = {
      scenes: [
        { lines: [{ text: 'First' }, { lineId: 'a', text: 'Second' }] },
        { lines: [{ lineId: 'b', text: 'Third' }, { text: 'Fourth' }] },
      ],
    }
    const result = assignMissingLineIds(script, sequence('b', 'a', 'c', 'c', 'a', 'd'))
    expect(result.scenes.map((s) => s.lines.map((l) => l.lineId))).toEqual([
      ['c', 'a'],
      ['b', 'd'],
    ])
  })

  it('should not reuse an id it has just generated', () => {
    const script: ScriptInput = {
      scenes: [{ lines: [{ text: 'One' }, { text: 'Two' }, { text: 'Three' }] }],
    }
    const result = assignMissingLineIds(script, sequence('x', 'x', 'y', 'x', 'y', 'z'))
    expect(result.scenes?.[0].lines?.map((l) => l.lineId)).toEqual(['x', 'y', 'z'])
  })

  it('should give a script whose ids it filled no problems', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }],
      scenes: [{ lines: [{ speaker: 'Dean' }, { lineId: 'id-1', speaker: 'Dean' }] }],
    }
    const result = assignMissingLineIds(script, sequence('id-1', 'id-2'))
    expect(findScriptProblems(result)).toEqual([])
    expect(result.scenes?.[0].lines?.[0].lineId).toBe('id-2')
  })

  it('should trim existing ids', () => {
    const script = {
      scenes: [
        {
          lines: [
            { lineId: ' a ', text: 'One' },
            { lineId: 'b\n', text: 'Two' },
          ],
        },
      ],
    }
    expect(assignMissingLineIds(script, sequence())).toEqual({
      scenes: [
        {
          lines: [
            { lineId: 'a', text: 'One' },
            { lineId: 'b', text: 'Two' },
          ],
        },
      ],
    })
  })

  it('should not hand out an id equal to a trimmed existing id', () => {
    const script: ScriptInput = {
      scenes: [
        { lines: [{ lineId: ' a ' }, { text: 'missing' }] },
        { lines: [{ lineId: '\tb' }, { lineId: null }] },
      ],
    }
    const result = assignMissingLineIds(script, sequence('a', 'b', 'c', 'a', 'b', 'd'))
    expect(result.scenes?.map((s) => s.lines?.map((l) => l.lineId))).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ])
  })

  it.each(['', '   ', '\n\t'])('should treat a blank id (%j) as missing', (lineId) => {
    const script: ScriptInput = { scenes: [{ lines: [{ lineId: 'a' }, { lineId }] }] }
    const result = assignMissingLineIds(script, sequence('a', 'n1'))
    expect(result.scenes?.[0].lines?.map((l) => l.lineId)).toEqual(['a', 'n1'])
  })

  it('should give a script with padded ids no duplicate-id problems once filled', () => {
    const script: ScriptInput = {
      characters: [{ name: 'Dean' }],
      scenes: [{ lines: [{ lineId: ' id-1 ', speaker: 'Dean' }, { speaker: 'Dean' }] }],
    }
    const result = assignMissingLineIds(script, sequence('id-1', 'id-2'))
    expect(result.scenes?.[0].lines?.map((l) => l.lineId)).toEqual(['id-1', 'id-2'])
    expect(findScriptProblems(result)).toEqual([])
  })

  it('should not call the generator when every line has an id', () => {
    const script = { scenes: [{ lines: [{ lineId: 'a' }, { lineId: 'b' }] }] }
    const generator = sequence()
    expect(assignMissingLineIds(script, generator)).toEqual(script)
  })

  it('should not mutate the input script', () => {
    const script = {
      characters: [{ name: 'Dean' }],
      scenes: [{ lines: [{ lineId: 'a', speaker: 'Dean' }, { speaker: 'Dean' }] }],
    }
    const snapshot = structuredClone(script)
    const result = assignMissingLineIds(script, sequence('b'))
    expect(script).toEqual(snapshot)
    expect(result).not.toBe(script)
    expect(result.scenes).not.toBe(script.scenes)
    expect(result.scenes[0].lines[1]).toEqual({ lineId: 'b', speaker: 'Dean' })
    expect(script.scenes[0].lines[1]).toEqual({ speaker: 'Dean' })
  })

  it('should keep other fields of the script, scenes and lines', () => {
    const script = {
      title: 'Thinking traps',
      scenes: [{ heading: 'Kitchen', lines: [{ text: 'Hi', direction: 'quietly' }] }],
    }
    expect(assignMissingLineIds(script, sequence('n1'))).toEqual({
      title: 'Thinking traps',
      scenes: [{ heading: 'Kitchen', lines: [{ lineId: 'n1', text: 'Hi', direction: 'quietly' }] }],
    })
  })

  it('should leave a script without scenes without scenes', () => {
    const script: ScriptInput = { characters: [{ name: 'Dean' }] }
    const result = assignMissingLineIds(script, sequence())
    expect(result.characters).toEqual([{ name: 'Dean' }])
    expect(result.scenes).toBeUndefined()
  })
})
