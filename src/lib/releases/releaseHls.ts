import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { FileRef } from '../../domain/releases/model'
import {
  hlsMime,
  playlistUris,
  rewritePlaylistUris,
  selectRenditions,
} from '../../domain/releases/hlsForRelease'
import { sha256File } from '../storage/derived'

export interface ReleaseHls {
  master: FileRef
  /** Every other file: media playlists and segments, named by sha256. */
  files: (FileRef & { mime: string })[]
  /** Where each file's bytes are on disk, by sha256. */
  sources: Map<string, string>
}

/**
 * A clip's HLS package as a release ships it: the chosen accents and locale only, with every
 * playlist rewritten to name files by sha256. Segments are used where they are; rewritten
 * playlists are written to `scratchDir` under their hash.
 */
export async function packageReleaseHls(input: {
  masterFile: string
  accentTags: string[]
  locale: string
  scratchDir: string
}): Promise<ReleaseHls> {
  const root = path.dirname(input.masterFile)
  const files: ReleaseHls['files'] = []
  const sources = new Map<string, string>()
  const writePlaylist = async (text: string): Promise<FileRef> => {
    const bytes = Buffer.from(text, 'utf8')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const file = path.join(input.scratchDir, sha256)
    await fs.writeFile(file, bytes)
    sources.set(sha256, file)
    return { sha256, bytes: bytes.length }
  }

  const master = selectRenditions(await fs.readFile(input.masterFile, 'utf8'), {
    audioLanguages: input.accentTags,
    subtitleLanguages: [input.locale],
  })
  const mediaShas = new Map<string, string>()
  for (const uri of playlistUris(master)) {
    const playlistFile = inside(root, uri)
    const segmentShas = new Map<string, string>()
    for (const segment of playlistUris(await fs.readFile(playlistFile, 'utf8'))) {
      const segmentFile = inside(path.dirname(playlistFile), segment)
      const [sha256, stat] = await Promise.all([sha256File(segmentFile), fs.stat(segmentFile)])
      segmentShas.set(segment, sha256)
      sources.set(sha256, segmentFile)
      files.push({ sha256, bytes: stat.size, mime: hlsMime(segment) })
    }
    const rewritten = await writePlaylist(
      rewritePlaylistUris(await fs.readFile(playlistFile, 'utf8'), (u) => segmentShas.get(u)!),
    )
    mediaShas.set(uri, rewritten.sha256)
    files.push({ ...rewritten, mime: hlsMime(uri) })
  }
  return {
    master: await writePlaylist(rewritePlaylistUris(master, (u) => mediaShas.get(u)!)),
    files,
    sources,
  }
}

/** A playlist's relative URI as a path, refusing anything that leaves the package folder. */
function inside(dir: string, uri: string): string {
  const file = path.resolve(dir, ...uri.split('/'))
  if (!file.startsWith(`${path.resolve(dir)}${path.sep}`))
    throw new Error(`The HLS playlist names "${uri}", outside its package.`)
  return file
}
