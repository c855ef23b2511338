import {
  MANIFEST_SCHEMA,
  type Manifest,
  type ManifestAsset,
  type ManifestClip,
  type ManifestModule,
} from './types'
import { assetFileName } from '../releases/assetNames'
import type { Accent, Audience, Clip, Exercise, FileRef, Module, Toolkit } from '../releases/model'
import { resolveToolkitForAudience } from '../variants/resolveVariant'

/** MIME types of the files the media pipeline derives; each kind has exactly one format. */
export const ASSET_MIME = {
  poster: 'image/jpeg',
  hls: 'application/vnd.apple.mpegurl',
  offline: 'video/mp4',
  voiceTrack: 'audio/mp4',
  caption: 'text/vtt',
  printable: 'application/pdf',
} as const

/** Thrown when the documents cannot make a complete manifest; preflight should have said so. */
export class ManifestBuildError extends Error {
  readonly problems: string[]

  constructor(problems: string[]) {
    super(`Cannot build the manifest: ${problems.join(' ')}`)
    this.name = 'ManifestBuildError'
    this.problems = problems
  }
}

export interface BuildManifestInput {
  toolkit: Toolkit
  release: Manifest['release']
  audience: Audience
  /** The locale this manifest is for; documents must already be localized to it. */
  locale: string
  modules: Module[]
  exercises: Exercise[]
  /** Base clips and their variants. */
  clips: Clip[]
  /** The release's accents, in the order apps should offer them (the first is the default). */
  accents: Accent[]
  /** The printable worksheets, made from the manifest built without them (src/lib/print). */
  printable?: FileRef
}

/**
 * The `cdm-manifest/3` document for one release × audience × locale: the toolkit as that
 * audience sees it, every file named by its sha256, and an asset table listing each file once.
 * Captions are those of this locale only, so an offline bundle carries nothing its reader
 * cannot use. Throws `ManifestBuildError` listing every gap rather than write a manifest that
 * points at files that do not exist.
 */
export function buildManifest(input: BuildManifestInput): Manifest {
  const problems: string[] = []
  const assets = new Map<string, ManifestAsset>()
  const addAsset = (file: FileRef, mime: string, what: string): string => {
    const known = assets.get(file.sha256)
    if (known && (known.bytes !== file.bytes || known.mime !== mime)) {
      problems.push(
        `${what} has sha256 ${file.sha256} with ${file.bytes} bytes (${mime}), but the same sha256 is already listed with ${known.bytes} bytes (${known.mime}).`,
      )
    } else if (!known) {
      assets.set(file.sha256, { bytes: file.bytes, mime, file: assetFileName(file.sha256, mime) })
    }
    return file.sha256
  }

  const resolved = resolveToolkitForAudience({
    modules: input.modules,
    exercises: input.exercises,
    clips: input.clips,
    audience: input.audience,
  })
  const modules: ManifestModule[] = resolved.map(({ module, exercises }) => ({
    slug: module.slug,
    title: module.title,
    mandatory: module.mandatory,
    exercises: exercises.flatMap((entry) => {
      if (entry.problem) {
        problems.push(entry.problem.message)
        return []
      }
      const { exercise } = entry
      return [
        {
          slug: exercise.slug,
          title: exercise.title,
          minutes: exercise.minutes,
          worksheet: {
            intro: exercise.worksheet.intro,
            questions: exercise.worksheet.questions.map((q) => ({
              prompt: q.prompt,
              answerType: q.answerType,
              options: [...q.options],
            })),
          },
          task: exercise.task,
          keyPoints: [...exercise.keyPoints],
          diaryPrompts: [...exercise.diaryPrompts],
          clip: clipEntry(entry.clip, input, addAsset, problems),
        },
      ]
    }),
  }))

  const printable = input.printable
    ? addAsset(input.printable, ASSET_MIME.printable, 'The printable worksheets')
    : null
  if (problems.length > 0) throw new ManifestBuildError(problems)

  // fromEntries defines own properties, so even a hostile key such as "__proto__" stays data.
  const sortedAssets: Record<string, ManifestAsset> = Object.fromEntries(
    [...assets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  )
  return {
    schema: MANIFEST_SCHEMA,
    toolkit: { slug: input.toolkit.slug, title: input.toolkit.title },
    release: {
      version: input.release.version,
      previous: input.release.previous,
      publishedAt: input.release.publishedAt,
      changelog: [...input.release.changelog],
      credits: [...input.release.credits],
    },
    audience: { slug: input.audience.slug, label: input.audience.label },
    locale: input.locale,
    modules,
    ...(printable ? { printable } : {}),
    assets: sortedAssets,
  }
}

function clipEntry(
  clip: Clip,
  input: BuildManifestInput,
  addAsset: (file: FileRef, mime: string, what: string) => string,
  problems: string[],
): ManifestClip {
  const name = `Clip "${clip.title}"`
  // A placeholder keeps the shape while problems are collected; it never leaves this module
  // because any problem makes buildManifest throw.
  const missing = (message: string) => {
    problems.push(`${name} ${message}.`)
    return ''
  }
  const { durationMs } = clip.processing
  if (durationMs === null) missing('has no measured duration')
  const poster = clip.poster
    ? addAsset(clip.poster, ASSET_MIME.poster, `${name} poster`)
    : missing('has no poster')
  const hls = clip.hls
    ? addAsset(clip.hls, ASSET_MIME.hls, `${name} HLS playlist`)
    : missing('has no HLS playlist')
  for (const file of clip.hlsFiles ?? []) addAsset(file, file.mime, `${name} HLS file`)

  const voiceTracks: ManifestClip['voiceTracks'] = []
  const offline: ManifestClip['offline'] = []
  for (const accent of input.accents) {
    const track = clip.voiceTracks.find((t) => t.accentId === accent.id)
    voiceTracks.push({
      label: accent.label,
      tag: accent.tag,
      sha256: track?.file
        ? addAsset(track.file, ASSET_MIME.voiceTrack, `${name} voice track for ${accent.label}`)
        : missing(`has no processed voice track for ${accent.label}`),
    })
    const mp4 = clip.offline.find((o) => o.accentTag === accent.tag)
    offline.push({
      accent: { label: accent.label, tag: accent.tag },
      sha256: mp4
        ? addAsset(mp4, ASSET_MIME.offline, `${name} offline video for ${accent.label}`)
        : missing(`has no offline video for ${accent.label}`),
    })
  }
  const caption = clip.captions.find((c) => c.locale === input.locale)
  const captions = [
    {
      locale: input.locale,
      sha256: caption?.file
        ? addAsset(caption.file, ASSET_MIME.caption, `${name} captions for ${input.locale}`)
        : missing(`has no captions for locale ${input.locale}`),
    },
  ]

  return {
    slug: clip.slug,
    title: clip.title,
    durationMs: durationMs ?? 0,
    poster,
    hls,
    offline,
    voiceTracks,
    captions,
  }
}
