import { describe, expect, it } from 'vitest'

import {
  type FrozenDocument,
  type FrozenRelease,
  diffReleases,
  formatChangelog,
} from '../../src/domain/releases/changelog'

const doc = (collection: string, id: string, title: string, versionId: string): FrozenDocument => ({
  collection,
  id,
  title,
  versionId,
})

const release = (version: string, documents: FrozenDocument[]): FrozenRelease => ({
  version,
  documents,
})

const v1 = release('1.0.0', [
  doc('toolkits', 't1', 'Healthy Relationships', 'tv1'),
  doc('modules', 'm1', 'Foundation', 'mv1'),
  doc('exercises', 'e1', 'First meeting', 'ev1'),
  doc('exercises', 'e2', 'Naming feelings', 'ev2'),
  doc('clips', 'c1', 'First Meeting', 'cv1'),
  doc('clips', 'c2', 'Naming Feelings', 'cv2'),
  doc('scripts', 's1', 'Script: First Meeting', 'sv1'),
  doc('scripts', 's2', 'Script: Naming Feelings', 'sv2'),
])

describe('diffReleases', () => {
  it('should find nothing between a release and an identical one', () => {
    expect(diffReleases(v1, release('1.0.1', [...v1.documents].reverse()))).toEqual([])
  })

  it('should list everything as added for a first release', () => {
    expect(diffReleases(null, v1)).toEqual([
      {
        kind: 'exercise-added',
        id: 'e1',
        title: 'First meeting',
        message: 'New exercise "First meeting".',
      },
      {
        kind: 'exercise-added',
        id: 'e2',
        title: 'Naming feelings',
        message: 'New exercise "Naming feelings".',
      },
      {
        kind: 'clip-added',
        id: 'c1',
        title: 'First Meeting',
        message: 'New clip "First Meeting".',
      },
      {
        kind: 'clip-added',
        id: 'c2',
        title: 'Naming Feelings',
        message: 'New clip "Naming Feelings".',
      },
      {
        kind: 'script-changed',
        id: 's1',
        title: 'Script: First Meeting',
        message: 'New script "Script: First Meeting".',
      },
      {
        kind: 'script-changed',
        id: 's2',
        title: 'Script: Naming Feelings',
        message: 'New script "Script: Naming Feelings".',
      },
    ])
  })

  it('should report a script edit that changed its clip', () => {
    const v2 = release('1.1.0', [
      ...v1.documents.filter((d) => d.id !== 's1' && d.id !== 'c1'),
      doc('scripts', 's1', 'Script: First Meeting', 'sv1b'),
      doc('clips', 'c1', 'First Meeting', 'cv1b'),
    ])
    expect(diffReleases(v1, v2)).toEqual([
      {
        kind: 'clip-changed',
        id: 'c1',
        title: 'First Meeting',
        message: 'Updated clip "First Meeting".',
      },
      {
        kind: 'script-changed',
        id: 's1',
        title: 'Script: First Meeting',
        message: 'Updated script "Script: First Meeting".',
      },
    ])
  })

  it('should report added, changed and removed documents of every tracked kind', () => {
    const v2 = release('2.0.0', [
      doc('exercises', 'e1', 'First meeting', 'ev1'),
      doc('exercises', 'e2', 'Naming feelings', 'ev2b'),
      doc('exercises', 'e3', 'Jealousy', 'ev3'),
      doc('clips', 'c2', 'Naming Feelings', 'cv2b'),
      doc('clips', 'c3', 'Jealousy', 'cv3'),
      doc('scripts', 's2', 'Script: Naming Feelings', 'sv2'),
      doc('scripts', 's3', 'Script: Jealousy', 'sv3'),
    ])
    expect(diffReleases(v1, v2).map((e) => [e.kind, e.message])).toEqual([
      ['exercise-added', 'New exercise "Jealousy".'],
      ['exercise-changed', 'Updated exercise "Naming feelings".'],
      ['clip-added', 'New clip "Jealousy".'],
      ['clip-changed', 'Updated clip "Naming Feelings".'],
      ['clip-removed', 'Removed clip "First Meeting".'],
      ['script-changed', 'New script "Script: Jealousy".'],
      ['script-changed', 'Removed script "Script: First Meeting".'],
    ])
  })

  it('should report a removed exercise under its title in the previous release', () => {
    const v2 = release(
      '1.1.0',
      v1.documents.filter((d) => d.id !== 'e2'),
    )
    expect(diffReleases(v1, v2)).toEqual([
      {
        kind: 'exercise-removed',
        id: 'e2',
        title: 'Naming feelings',
        message: 'Removed exercise "Naming feelings".',
      },
    ])
  })

  it('should give the new title of a renamed document and mention the old one', () => {
    const v2 = release('1.1.0', [
      ...v1.documents.filter((d) => d.id !== 'e1'),
      doc('exercises', 'e1', 'Our first meeting', 'ev1b'),
    ])
    expect(diffReleases(v1, v2)).toEqual([
      {
        kind: 'exercise-changed',
        id: 'e1',
        title: 'Our first meeting',
        message: 'Updated exercise "Our first meeting" (was "First meeting").',
      },
    ])
  })

  it('should go by version, not title: a rename alone with the same version is no change', () => {
    const v2 = release('1.1.0', [
      ...v1.documents.filter((d) => d.id !== 'c2'),
      doc('clips', 'c2', 'Feelings', 'cv2'),
    ])
    expect(diffReleases(v1, v2)).toEqual([])
  })

  it('should ignore changes to other collections', () => {
    const v2 = release('1.1.0', [
      ...v1.documents.filter((d) => d.collection !== 'toolkits' && d.collection !== 'modules'),
      doc('modules', 'm1', 'Foundation', 'mv2'),
      doc('modules', 'm2', 'Emotions', 'mv3'),
      doc('audiences', 'a1', 'Female', 'av1'),
    ])
    expect(diffReleases(v1, v2)).toEqual([])
  })

  it('should not confuse documents of different collections that share an id', () => {
    const before = release('1.0.0', [doc('exercises', '7', 'Jealousy', 'x1')])
    const after = release('1.1.0', [doc('clips', '7', 'Jealousy', 'x1')])
    expect(diffReleases(before, after).map((e) => e.kind)).toEqual([
      'exercise-removed',
      'clip-added',
    ])
  })

  it('should sort entries of one kind by title, ignoring case, then by id', () => {
    const next = release('1.0.0', [
      doc('clips', 'c3', 'beta', 'v'),
      doc('clips', 'c2', 'Alpha', 'v'),
      doc('clips', 'c9', 'Gamma', 'v'),
      doc('clips', 'c1', 'Gamma', 'v'),
      doc('clips', 'c4', 'alpha', 'v'),
    ])
    expect(diffReleases(null, next).map((e) => `${e.title} ${e.id}`)).toEqual([
      'Alpha c2',
      'alpha c4',
      'beta c3',
      'Gamma c1',
      'Gamma c9',
    ])
  })
})

describe('formatChangelog', () => {
  it('should give one line per entry, in order', () => {
    const v2 = release('1.1.0', [
      ...v1.documents.filter((d) => d.id !== 'e2'),
      doc('exercises', 'e3', 'Jealousy', 'ev3'),
    ])
    expect(formatChangelog(diffReleases(v1, v2))).toEqual([
      'New exercise "Jealousy".',
      'Removed exercise "Naming feelings".',
    ])
  })

  it('should say so when nothing changed', () => {
    expect(formatChangelog([])).toEqual(['No changes to exercises, clips or scripts.'])
  })
})
