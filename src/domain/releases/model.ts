/**
 * Plain shapes of the documents a release uses, mirroring the Payload collections but holding
 * only what releasing needs. Callers load them (already localized for one locale, relationships
 * reduced to ids) so everything under `src/domain/releases` and `src/domain/manifest` stays pure.
 */

import type { IdText } from '../refs'
import type { ProcessingStatus, ScriptStatus } from '../vocabulary'

export type { ProcessingStatus, ScriptStatus } from '../vocabulary'
export type AnswerType = 'text' | 'scale' | 'choice'

/** A derived, content-addressed file: its sha256 (lowercase hex) and size. */
export interface FileRef {
  sha256: string
  bytes: number
}

export interface Toolkit {
  id: IdText
  slug: string
  title: string
}

export interface Module {
  id: IdText
  slug: string
  title: string
  order: number
  mandatory: boolean
  /** Empty means every audience. */
  audiences: IdText[]
}

export interface WorksheetQuestion {
  prompt: string
  answerType: AnswerType
  options: string[]
}

export interface Worksheet {
  /** Plain text; rich text is flattened by the caller. */
  intro: string
  questions: WorksheetQuestion[]
}

export interface Exercise {
  id: IdText
  moduleId: IdText
  slug: string
  title: string
  order: number
  /** The base clip; audience variants are resolved per release. */
  clipId: IdText | null
  /** Empty means every audience. */
  audiences: IdText[]
  minutes: number | null
  worksheet: Worksheet
  task: string
  keyPoints: string[]
  diaryPrompts: string[]
}

export interface ClipVoiceTrack {
  accentId: IdText
  /** Recorded from script text that has changed since. */
  stale: boolean
  /** The loudness-normalised recording; null until processing has produced it. */
  file: FileRef | null
}

export interface ClipCaption {
  locale: string
  stale: boolean
  file: FileRef | null
}

export interface ClipOffline extends FileRef {
  /** BCP 47 tag of the accent muxed into this MP4. */
  accentTag: string
}

export interface Clip {
  id: IdText
  slug: string
  title: string
  /** Empty means every audience. */
  audiences: IdText[]
  variantOf: IdText | null
  variantAudience: IdText | null
  processing: { status: ProcessingStatus; durationMs: number | null; reason?: string | null }
  voiceTracks: ClipVoiceTrack[]
  captions: ClipCaption[]
  poster: FileRef | null
  /** The multivariant HLS playlist. */
  hls: FileRef | null
  /**
   * The playlists and segments `hls` names, once packaged for a release (see hlsForRelease);
   * without them the manifest lists the playlist alone.
   */
  hlsFiles?: (FileRef & { mime: string })[]
  offline: ClipOffline[]
}

export interface Script {
  id: IdText
  clipId: IdText
  title: string
  status: ScriptStatus
  /** A saved draft newer than the published version exists. */
  hasUnpublishedDraft: boolean
}

export interface Audience {
  id: IdText
  slug: string
  label: string
}

export interface Accent {
  id: IdText
  label: string
  /** BCP 47, e.g. en-GB-x-geordie. */
  tag: string
}

/** A reference to the document a problem is about, so the admin can link to it. */
export interface DocumentRef {
  collection: 'toolkits' | 'modules' | 'exercises' | 'clips' | 'scripts'
  id: IdText
  title: string
}
