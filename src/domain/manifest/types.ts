import type { Worksheet } from '../releases/model'

export const MANIFEST_SCHEMA = 'cdm-manifest/3'

/** A file in a manifest's asset table; the key of the table is the file's sha256. */
export interface ManifestAsset {
  bytes: number
  mime: string
  /**
   * Its file name: under /api/delivery/assets/, in a bundle's `assets/` folder and in the
   * playlists that name it. `<sha256>.<ext>`, or the bare sha256 for a type with no extension.
   */
  file: string
}

export interface ManifestClip {
  slug: string
  title: string
  durationMs: number
  /** sha256 of the poster image. */
  poster: string
  /**
   * sha256 of the multivariant HLS playlist. It and its media playlists name the other files by
   * their `file` names, as relative URIs, so it plays wherever the assets sit side by side.
   */
  hls: string
  /** One MP4 per accent, for playing offline. */
  offline: { accent: { label: string; tag: string }; sha256: string }[]
  voiceTracks: { label: string; tag: string; sha256: string }[]
  captions: { locale: string; sha256: string }[]
}

export interface ManifestExercise {
  slug: string
  title: string
  minutes: number | null
  worksheet: Worksheet
  task: string
  keyPoints: string[]
  diaryPrompts: string[]
  clip: ManifestClip
}

export interface ManifestModule {
  slug: string
  title: string
  mandatory: boolean
  exercises: ManifestExercise[]
}

/**
 * What a delivery app downloads for one release × audience × locale. Its JSON Schema is
 * `schemas/cdm-manifest-3.schema.json` (versions 1, without credits, and 2, without
 * file names, are in the same folder for releases made before); any change of shape needs a new schema version.
 */
export interface Manifest {
  schema: typeof MANIFEST_SCHEMA
  toolkit: { slug: string; title: string }
  release: {
    version: string
    previous: string | null
    /** ISO 8601 date-time. */
    publishedAt: string
    changelog: string[]
    /** The co-producers it credits, by pseudonym (src/domain/consent/consentRules.ts). */
    credits: string[]
  }
  audience: { slug: string; label: string }
  locale: string
  modules: ManifestModule[]
  /**
   * sha256 of the printable worksheets (a PDF): every exercise's worksheet, key points, task
   * and diary prompts, for when only paper is left. Releases built since version 3 have one.
   */
  printable?: string
  /** sha256 → size and type of every file the manifest refers to, and no others. */
  assets: Record<string, ManifestAsset>
}
