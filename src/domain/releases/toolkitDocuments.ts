import type {
  Accent,
  Audience,
  Caption,
  Clip,
  Exercise,
  Module,
  Script,
  Toolkit,
  VoiceTrack,
} from '../../payload-types'

/** What loading a toolkit for a release reads from the database, in one locale. */
export interface ToolkitDocuments {
  toolkit: Toolkit
  modules: Module[]
  exercises: Exercise[]
  /** The exercises' clips and their audience variants. */
  clips: Clip[]
  /** The clips' scripts, newest draft of each. */
  scripts: Script[]
  /** The published version of each script that has one, by script id (as text). */
  publishedScripts: Map<string, Script>
  /** The id of each script's newest published version, by script id (as text). */
  publishedVersionIds: Map<string, string>
  audiences: Audience[]
  accents: Accent[]
  captions: Caption[]
  voiceTracks: VoiceTrack[]
}

/**
 * A media file a release may carry, before it is hashed: a derived file by its content key, or
 * an upload by its collection and file name.
 */
export type MediaLocation =
  | { kind: 'derived'; key: string; file: string }
  | { kind: 'upload'; collection: 'captions'; filename: string }

export const locationKey = (location: MediaLocation): string =>
  location.kind === 'derived'
    ? `derived:${location.key}/${location.file}`
    : `upload:${location.collection}/${location.filename}`
