import { describe, expect, it } from 'vitest'

import { summariseToolkits } from '../../src/domain/toolkits/summariseToolkits'

describe('summariseToolkits', () => {
  it('should return no rows when there are no toolkits', () => {
    expect(summariseToolkits([], [{ id: 1, toolkit: 1 }], [{ id: 1, module: 1 }])).toEqual([])
  })

  it('should count modules and exercises per toolkit', () => {
    const toolkits = [
      { id: 1, title: 'Thinking Traps', slug: 'thinking-traps' },
      { id: 2, title: 'Managing Anger', slug: 'managing-anger' },
    ]
    const modules = [
      { id: 10, toolkit: 1 },
      { id: 11, toolkit: 1 },
      { id: 20, toolkit: 2 },
    ]
    const exercises = [
      { id: 100, module: 10 },
      { id: 101, module: 10 },
      { id: 102, module: 11 },
      { id: 200, module: 20 },
    ]
    expect(summariseToolkits(toolkits, modules, exercises)).toEqual([
      {
        id: 1,
        title: 'Thinking Traps',
        slug: 'thinking-traps',
        moduleCount: 2,
        exerciseCount: 3,
        hasMandatoryModule: false,
      },
      {
        id: 2,
        title: 'Managing Anger',
        slug: 'managing-anger',
        moduleCount: 1,
        exerciseCount: 1,
        hasMandatoryModule: false,
      },
    ])
  })

  it('should accept relationships as ids or populated objects, numbers or strings', () => {
    const toolkits = [{ id: 1, title: 'Thinking Traps', slug: 'thinking-traps' }]
    const modules = [
      { id: 10, toolkit: { id: 1 } },
      { id: '11', toolkit: '1' },
      { id: 12, toolkit: { id: '1' } },
    ]
    const exercises = [
      { id: 100, module: { id: 10 } },
      { id: 101, module: '10' },
      { id: 102, module: 11 },
      { id: 103, module: { id: '12' } },
      { id: 104, module: 12 },
    ]
    const [row] = summariseToolkits(toolkits, modules, exercises)
    expect(row.moduleCount).toBe(3)
    expect(row.exerciseCount).toBe(5)
  })

  it('should work with string ids such as MongoDB object ids', () => {
    const toolkits = [{ id: '65a1', title: 'T', slug: 't' }]
    const modules = [{ id: '65b1', toolkit: { id: '65a1' }, mandatory: true }]
    const exercises = [{ id: '65c1', module: '65b1' }]
    expect(summariseToolkits(toolkits, modules, exercises)).toEqual([
      {
        id: '65a1',
        title: 'T',
        slug: 't',
        moduleCount: 1,
        exerciseCount: 1,
        hasMandatoryModule: true,
      },
    ])
  })

  it('should flag a toolkit with at least one mandatory module', () => {
    const toolkits = [{ id: 1 }, { id: 2 }, { id: 3 }]
    const modules = [
      { id: 10, toolkit: 1, mandatory: false },
      { id: 11, toolkit: 1, mandatory: true },
      { id: 20, toolkit: 2, mandatory: null },
      { id: 21, toolkit: 2 },
      { id: 30, toolkit: 4, mandatory: true },
    ]
    expect(summariseToolkits(toolkits, modules, []).map((row) => row.hasMandatoryModule)).toEqual([
      true,
      false,
      false,
    ])
  })

  it('should not count modules or exercises of other toolkits', () => {
    const toolkits = [{ id: 1, title: 'Mine', slug: 'mine' }]
    const modules = [
      { id: 10, toolkit: 1 },
      { id: 20, toolkit: 2, mandatory: true },
      { id: 30, toolkit: null, mandatory: true },
      { id: 40 },
    ]
    const exercises = [
      { id: 100, module: 10 },
      { id: 200, module: 20 },
      { id: 201, module: { id: 20 } },
      { id: 300, module: 30 },
      { id: 400, module: null },
      { id: 401 },
    ]
    expect(summariseToolkits(toolkits, modules, exercises)).toEqual([
      {
        id: 1,
        title: 'Mine',
        slug: 'mine',
        moduleCount: 1,
        exerciseCount: 1,
        hasMandatoryModule: false,
      },
    ])
  })

  it('should count a toolkit without modules as empty', () => {
    expect(summariseToolkits([{ id: 7, title: 'Empty', slug: 'empty' }], [], [])).toEqual([
      {
        id: 7,
        title: 'Empty',
        slug: 'empty',
        moduleCount: 0,
        exerciseCount: 0,
        hasMandatoryModule: false,
      },
    ])
  })

  it('should fill in a missing title and slug', () => {
    expect(summariseToolkits([{ id: 1, title: null, slug: null }, { id: 2 }], [], [])).toEqual([
      {
        id: 1,
        title: '(untitled)',
        slug: '',
        moduleCount: 0,
        exerciseCount: 0,
        hasMandatoryModule: false,
      },
      {
        id: 2,
        title: '(untitled)',
        slug: '',
        moduleCount: 0,
        exerciseCount: 0,
        hasMandatoryModule: false,
      },
    ])
  })

  it('should keep the order of the toolkits', () => {
    const rows = summariseToolkits([{ id: 3 }, { id: 1 }, { id: 2 }], [], [])
    expect(rows.map((row) => row.id)).toEqual([3, 1, 2])
  })
})
