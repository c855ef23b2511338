import { describe, expect, it } from 'vitest'

import { mediaLocationsOf, toModel } from '../../src/domain/releases/toModel'
import { locationKey, type ToolkitDocuments } from '../../src/domain/releases/toolkitDocuments'
import type { Clip, Exercise, Module, Script } from '../../src/payload-types'

// MongoDB-shaped ids throughout: the model must carry them as text, unchanged.
const oid = (n: number) => `665f1c2e9b3d4a0012ab${n.toString(16).padStart(4, '0')}`
const KEY = 'ab'.repeat(32)
const derived = (file: string) => ({ key: KEY, file })

function documents(overrides: Partial<ToolkitDocuments> = {}): ToolkitDocuments {
  const clip = {
    id: oid(3),
    slug: 'missed-appointment',
    title: 'Missed appointment',
    audiences: [],
    processing: {
      status: 'ready',
      durationMs: 9000,
      details: {
        poster: { ...derived('poster.jpg'), sizes: {} },
        hls: derived('hls/master.m3u8'),
        offline: [
          { accentTag: 'en-GB-x-geordie', ...derived('offline-geordie.mp4') },
          { accentTag: 'en-GB-x-scouse', ...derived('offline-scouse.mp4') },
        ],
      },
    },
    voiceTracks: [{ accent: oid(7), track: oid(8), stale: false }],
    captions: [{ locale: 'en-GB', track: oid(9), stale: true }],
  } as unknown as Clip
  return {
    toolkit: { id: oid(1), slug: 'healthy', title: 'Healthy Relationships' } as never,
    modules: [
      {
        id: oid(2),
        slug: 'foundation',
        title: 'Foundation',
        order: 1,
        mandatory: true,
      } as unknown as Module,
    ],
    exercises: [
      {
        id: oid(4),
        module: oid(2),
        slug: 'ex',
        title: 'Exercise',
        order: 1,
        clip: oid(3),
      } as unknown as Exercise,
    ],
    clips: [clip],
    scripts: [
      { id: oid(5), clip: oid(3), title: 'Script', updatedAt: '2026-11-02' } as unknown as Script,
    ],
    publishedScripts: new Map([
      [oid(5), { id: oid(5), status: 'approved', updatedAt: '2026-11-01' } as unknown as Script],
    ]),
    publishedVersionIds: new Map([[oid(5), oid(6)]]),
    audiences: [],
    accents: [{ id: oid(7), label: 'Geordie', tag: 'en-GB-x-geordie' } as never],
    captions: [{ id: oid(9), filename: 'captions-en.vtt' } as never],
    voiceTracks: [
      {
        id: oid(8),
        processing: { details: { normalised: derived('voice.m4a') } },
      } as never,
    ],
    ...overrides,
  }
}

const ref = (n: number) => ({ sha256: String(n).repeat(64).slice(0, 64), bytes: n })

describe('the toolkit as release data', () => {
  it('should name every media file the clips’ processing records point at', () => {
    expect(mediaLocationsOf(documents()).map(locationKey)).toEqual([
      `derived:${KEY}/poster.jpg`,
      `derived:${KEY}/hls/master.m3u8`,
      `derived:${KEY}/offline-geordie.mp4`,
      `derived:${KEY}/offline-scouse.mp4`,
      `derived:${KEY}/voice.m4a`,
      'upload:captions/captions-en.vtt',
    ])
  })

  it('should keep MongoDB ids as text and take each file’s hash from what was found', () => {
    const refs = new Map([
      [`derived:${KEY}/poster.jpg`, ref(1)],
      [`derived:${KEY}/offline-geordie.mp4`, ref(2)],
      [`derived:${KEY}/voice.m4a`, ref(3)],
    ])
    const model = toModel(documents(), refs)
    expect(model.toolkit.id).toBe(oid(1))
    expect(model.exercises[0]).toMatchObject({ moduleId: oid(2), clipId: oid(3) })
    const [clip] = model.clips
    expect(clip.poster).toEqual(ref(1))
    // Files that were not found stay empty for preflight to name, or are left out (offline).
    expect(clip.hls).toBeNull()
    expect(clip.offline).toEqual([{ ...ref(2), accentTag: 'en-GB-x-geordie' }])
    expect(clip.voiceTracks).toEqual([{ accentId: oid(7), stale: false, file: ref(3) }])
    expect(clip.captions).toEqual([{ locale: 'en-GB', stale: true, file: null }])
  })

  it('should give a script its published status, and say when a newer draft exists', () => {
    const model = toModel(documents(), new Map())
    expect(model.scripts).toEqual([
      {
        id: oid(5),
        clipId: oid(3),
        title: 'Script',
        status: 'approved',
        hasUnpublishedDraft: true,
      },
    ])
    const unpublished = toModel(documents({ publishedScripts: new Map() }), new Map())
    expect(unpublished.scripts[0]).toMatchObject({ status: 'draft', hasUnpublishedDraft: true })
  })

  it('should freeze the published script version a release used', () => {
    const { versions } = toModel(documents(), new Map())
    expect(versions).toContainEqual(
      expect.objectContaining({ collection: 'scripts', id: oid(5), versionId: oid(6) }),
    )
  })
})
