import { describe, expect, it } from 'vitest'

import { changedPaths } from '../../src/domain/audit/changedPaths'

const script = () => ({
  id: 7,
  title: 'Missed appointment',
  status: 'draft',
  _status: 'draft',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  clip: 3,
  characters: [
    { id: 'c1', name: 'Dean' },
    { id: 'c2', name: 'Sam' },
  ],
  scenes: [
    {
      id: 's1',
      heading: 'Office',
      lines: [
        { id: 'l1', speaker: 'Dean', text: 'Hello.' },
        { id: 'l2', speaker: 'Sam', text: 'Hi Dean.' },
        { id: 'l3', speaker: 'Dean', text: 'Sit down.' },
      ],
    },
    { id: 's2', heading: 'Corridor', lines: [] },
  ],
})

describe('changedPaths', () => {
  it('should report nothing for an unchanged document saved again', () => {
    const after = { ...script(), updatedAt: '2026-02-02T09:00:00.000Z' }
    expect(changedPaths(script(), after)).toEqual([])
  })

  it('should report top-level and nested scalar changes, sorted', () => {
    const after = script()
    after.title = 'Missed appointments'
    after.scenes[0].lines[2].text = 'Take a seat.'
    after.status = 'inReview'
    expect(changedPaths(script(), after)).toEqual(['scenes.0.lines.2.text', 'status', 'title'])
  })

  it('should report `_status`, because publishing is a change someone made', () => {
    expect(changedPaths(script(), { ...script(), _status: 'published' })).toEqual(['_status'])
  })

  it('should match rows by id and name an edited row by its index after the change', () => {
    const after = script()
    after.scenes.unshift({ id: 's0', heading: 'Car park', lines: [] })
    after.scenes[1].lines[2].text = 'Take a seat.'
    expect(changedPaths(script(), after)).toEqual(['scenes.0', 'scenes.1.lines.2.text'])
  })

  it('should report a removed row by its index before the change', () => {
    const after = script()
    after.scenes[0].lines.splice(1, 1)
    expect(changedPaths(script(), after)).toEqual(['scenes.0.lines.1'])
  })

  it('should report rows that changed order as the array itself', () => {
    const after = script()
    after.characters.reverse()
    expect(changedPaths(script(), after)).toEqual(['characters'])
  })

  it('should compare arrays without row ids index by index', () => {
    const before = { tags: ['a', 'b'], numbers: [1, 2, 3] }
    const after = { tags: ['a', 'c', 'd'], numbers: [1, 2] }
    expect(changedPaths(before, after)).toEqual(['numbers.2', 'tags.1', 'tags.2'])
  })

  it('should treat a populated relationship as its id', () => {
    const before = { coverImage: 4, assignedCoProducers: [11, 12], clip: null }
    const after = {
      coverImage: { id: 4, filename: 'cover.jpg', updatedAt: '2026-03-03T00:00:00.000Z' },
      assignedCoProducers: [
        { id: 11, displayName: 'Robin' },
        { id: 13, displayName: 'Sky' },
      ],
      clip: { id: 9, title: 'Clip' },
    }
    expect(changedPaths(before, after)).toEqual(['assignedCoProducers.1', 'clip'])
    expect(changedPaths({ coverImage: 4 }, { coverImage: { id: 5 } })).toEqual(['coverImage'])
    expect(changedPaths({ coverImage: { id: 4 } }, { coverImage: null })).toEqual(['coverImage'])
  })

  it('should compare polymorphic relationships by the id in `value`', () => {
    const before = { link: { relationTo: 'clips', value: 2 } }
    expect(changedPaths(before, { link: { relationTo: 'clips', value: { id: 2 } } })).toEqual([])
    expect(changedPaths(before, { link: { relationTo: 'scripts', value: { id: 2 } } })).toEqual([
      'link.relationTo',
    ])
  })

  it('should treat null, undefined, a missing key, empty text and an empty array as equal', () => {
    const before = { a: null, b: undefined, c: '', d: [], e: null, group: { x: null } }
    const after = { a: '', b: [], c: null, d: undefined, group: {} }
    expect(changedPaths(before, after)).toEqual([])
  })

  it('should list only the fields given a value when a document is created', () => {
    const created = {
      ...script(),
      summary: null,
      meta: { description: null, keywords: [] },
      scenes: [{ id: 's1', heading: 'Office', lines: [] }],
    }
    expect(changedPaths({}, created)).toEqual([
      '_status',
      'characters.0',
      'characters.1',
      'clip',
      'scenes.0',
      'status',
      'title',
    ])
  })

  it('should report a value that changed kind at its own path', () => {
    expect(changedPaths({ meta: { a: 1 } }, { meta: 'text' })).toEqual(['meta'])
    expect(changedPaths({ list: [1] }, { list: { a: 1 } })).toEqual(['list'])
  })

  it('should report localized values by locale', () => {
    const before = { title: { 'en-GB': 'Hello', cy: 'Helo' } }
    const after = { title: { 'en-GB': 'Hello', cy: 'Shwmae' } }
    expect(changedPaths(before, after)).toEqual(['title.cy'])
  })

  it('should report rich text as its field, not as paths inside the editor state', () => {
    const richText = (text: string) => ({
      root: {
        type: 'root',
        children: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
      },
    })
    expect(
      changedPaths({ description: richText('About.') }, { description: richText('About us.') }),
    ).toEqual(['description'])
    expect(
      changedPaths({ description: richText('About.') }, { description: richText('About.') }),
    ).toEqual([])
  })

  it('should compare dates by instant', () => {
    const before = { at: new Date('2026-01-01T10:00:00.000Z') }
    expect(changedPaths(before, { at: '2026-01-01T10:00:00.000Z' })).toEqual([])
    expect(changedPaths(before, { at: '2026-01-01T10:00:01.000Z' })).toEqual(['at'])
  })

  it('should sort numeric segments as numbers', () => {
    const before = { rows: Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, n: i })) }
    const after = { rows: before.rows.map((row) => ({ ...row, n: row.n + 1 })) }
    const paths = changedPaths(before, after).filter((path) => /rows\.(2|10)\./.test(path))
    expect(paths).toEqual(['rows.2.n', 'rows.10.n'])
  })

  it('should leave out ignored paths, prefixes and wildcard segments', () => {
    const after = script()
    after.title = 'Changed'
    after.clip = 4
    after.scenes[0].heading = 'Reception'
    after.scenes[0].lines[0].text = 'Hiya.'
    after.scenes[0].lines[1].speaker = 'Dean'
    expect(
      changedPaths(script(), after, { ignore: ['clip', 'scenes.*.lines.*.text', 'title.x'] }),
    ).toEqual(['scenes.0.heading', 'scenes.0.lines.1.speaker', 'title'])
    expect(changedPaths(script(), after, { ignore: ['scenes'] })).toEqual(['clip', 'title'])
  })

  it('should not call a field cleared when a partial `after` leaves it out', () => {
    const before = { title: 'A', hash: 'secret-hash', group: { visible: 1, hidden: 2 } }
    const after = { title: 'B', group: { visible: 1 } }
    expect(changedPaths(before, after, { partialAfter: true })).toEqual(['title'])
    expect(changedPaths(before, after)).toEqual(['group.hidden', 'hash', 'title'])
  })

  it('should treat anything but an object as an empty document', () => {
    expect(changedPaths(null, undefined)).toEqual([])
    expect(changedPaths(undefined, { title: 'New' })).toEqual(['title'])
    expect(changedPaths('x', 5)).toEqual([])
  })
})
