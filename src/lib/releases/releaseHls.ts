import { createHash } from 'node:crypto'

import { storeAsset } from './releaseStore'
import { assetFileName } from '../../domain/releases/assetNames'
import {
  hlsMime,
  playlistUris,
  rewritePlaylistUris,
  selectRenditions,
} from '../../domain/releases/hlsForRelease'
import type { FileRef } from '../../domain/releases/model'
import {
  assetKey,
  type MediaKey,
  parentKey,
  resolveRelativeKey,
} from '../../domain/storage/mediaKeys'
import { mediaStore } from '../storage/store'
import { storedSha256 } from '../storage/storedHash'

export interface ReleaseHls {
  master: FileRef
  /** Every other file: media playlists and segments, which the playlists name by file name. */
  files: (FileRef & { mime: string })[]
  /** Where each file's bytes are stored, by sha256. */
  sources: Map<string, MediaKey>
}

/**
 * A clip's HLS package as a release ships it: the chosen accents and locale only, with every
 * playlist rewritten to name files as the release does (`<sha256>.ts`, `<sha256>.m3u8`…). Segments are used where they are stored; the
 * rewritten playlists go straight into the asset store under their hash.
 */
export async function packageReleaseHls(input: {
  masterKey: MediaKey
  accentTags: string[]
  locale: string
}): Promise<ReleaseHls> {
  const store = mediaStore()
  const root = parentKey(input.masterKey) ?? ''
  const files: ReleaseHls['files'] = []
  const sources = new Map<string, MediaKey>()
  const readText = async (key: MediaKey) => (await store.read(key)).toString('utf8')
  const storePlaylist = async (text: string): Promise<FileRef> => {
    const bytes = Buffer.from(text, 'utf8')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    await storeAsset(sha256, { bytes })
    sources.set(sha256, assetKey(sha256))
    return { sha256, bytes: bytes.length }
  }

  const master = selectRenditions(await readText(input.masterKey), {
    audioLanguages: input.accentTags,
    subtitleLanguages: [input.locale],
  })
  const mediaNames = new Map<string, string>()
  for (const uri of playlistUris(master)) {
    const playlistKey = inside(root, input.masterKey, uri)
    const playlist = await readText(playlistKey)
    const segmentNames = new Map<string, string>()
    for (const segment of playlistUris(playlist)) {
      const segmentKey = inside(root, playlistKey, segment)
      const { sha256, bytes } = await storedSha256(segmentKey)
      const mime = hlsMime(segment)
      segmentNames.set(segment, assetFileName(sha256, mime))
      sources.set(sha256, segmentKey)
      files.push({ sha256, bytes, mime })
    }
    const rewritten = await storePlaylist(
      rewritePlaylistUris(playlist, (u) => segmentNames.get(u)!),
    )
    const mime = hlsMime(uri)
    mediaNames.set(uri, assetFileName(rewritten.sha256, mime))
    files.push({ ...rewritten, mime })
  }
  return {
    master: await storePlaylist(rewritePlaylistUris(master, (u) => mediaNames.get(u)!)),
    files,
    sources,
  }
}

/** A playlist's relative URI as a key, refusing anything that leaves the package folder. */
function inside(root: MediaKey, base: MediaKey, uri: string): MediaKey {
  const key = resolveRelativeKey(base, uri)
  if (!key || !key.startsWith(`${root}/`))
    throw new Error(`The HLS playlist names "${uri}", outside its package.`)
  return key
}
