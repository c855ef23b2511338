import { describe, expect, it } from 'vitest'

import { exercise, foundation } from './helpers/releaseDocuments'
import { diffReleases, formatChangelog } from '../../src/domain/releases/changelog'
import { freezeDocuments } from '../../src/domain/releases/freeze'
import type { Exercise } from '../../src/domain/releases/model'

const freeze = (overrides: { exercise?: Partial<Exercise>; scriptVersion?: string | null } = {}) =>
  freezeDocuments({
    modules: [foundation],
    exercises: [{ ...exercise, ...overrides.exercise }],
    clips: [],
    scripts: [
      {
        id: '5',
        title: 'Script',
        publishedVersionId: overrides.scriptVersion === undefined ? 'v-1' : overrides.scriptVersion,
      },
    ],
  })

describe('freezeDocuments', () => {
  it('should record the same version for the same content, in any key order', () => {
    const reordered = Object.fromEntries(Object.entries(exercise).reverse()) as Exercise
    expect(
      freezeDocuments({ modules: [foundation], exercises: [reordered], clips: [], scripts: [] }),
    ).toEqual(
      freezeDocuments({ modules: [foundation], exercises: [exercise], clips: [], scripts: [] }),
    )
    expect(freeze()[1].versionId).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('should record a new version when released content changes, and the script version id', () => {
    const before = freeze()
    const after = freeze({ exercise: { task: 'Notice two feelings.' }, scriptVersion: 'v-2' })
    expect(after[0]).toEqual(before[0])
    expect(after[1].versionId).not.toBe(before[1].versionId)
    expect(after[2]).toMatchObject({ collection: 'scripts', versionId: 'v-2' })
    expect(
      formatChangelog(
        diffReleases(
          { version: '1.0.0', documents: before },
          { version: '1.1.0', documents: after },
        ),
      ),
    ).toHaveLength(2)
  })

  it('should say a script was unpublished rather than invent a version', () => {
    expect(freeze({ scriptVersion: null })[2].versionId).toBe('unpublished')
  })
})
