/**
 * HLS in a release: the studio's playlists name files by path within a clip's HLS folder; in a
 * release every file is an asset named by its sha256 and extension, so the playlists are
 * rewritten to point at those names. Relative URIs keep working wherever the assets sit side by side: under
 * /api/delivery/assets/ on the server and in a device's assets/ folder offline.
 */

import { sniffMedia } from '../media/sniff'

const URI_ATTRIBUTE = /URI="([^"]*)"/

/** The files a playlist names, in order: URI lines and URI="…" attributes. */
export function playlistUris(playlist: string): string[] {
  const uris: string[] = []
  for (const raw of playlist.split('\n')) {
    const line = raw.trim()
    if (line === '') continue
    if (line.startsWith('#')) {
      const match = URI_ATTRIBUTE.exec(line)
      if (match) uris.push(match[1])
    } else {
      uris.push(line)
    }
  }
  return uris
}

/** The playlist with every URI replaced by `rename(uri)`; throws if one cannot be renamed. */
export function rewritePlaylistUris(playlist: string, rename: (uri: string) => string): string {
  const renamed = (uri: string) => {
    const next = rename(uri)
    if (!next) throw new Error(`The playlist names "${uri}", which is not part of the package.`)
    return next
  }
  return playlist
    .split('\n')
    .map((raw) => {
      const line = raw.trim()
      if (line === '') return raw
      if (line.startsWith('#'))
        return raw.replace(URI_ATTRIBUTE, (_, uri: string) => `URI="${renamed(uri)}"`)
      return renamed(line)
    })
    .join('\n')
}

function attribute(line: string, name: string): string | null {
  const match = new RegExp(`[:,]${name}=(?:"([^"]*)"|([^,]*))`).exec(line)
  return match ? (match[1] ?? match[2]) : null
}

/**
 * A multivariant playlist cut down to a release's choices: audio renditions of the chosen
 * accents only and subtitles of the release's locale only. One audio rendition stays the default,
 * and a group left empty is no longer named by the variants (players reject a dangling group).
 */
export function selectRenditions(
  master: string,
  keep: { audioLanguages: string[]; subtitleLanguages: string[] },
): string {
  const lines = master.split('\n')
  const kept: string[] = []
  const remaining = { AUDIO: 0, SUBTITLES: 0 }
  let audioDefault = false
  for (const line of lines) {
    if (line.startsWith('#EXT-X-MEDIA:')) {
      const type = attribute(line, 'TYPE')
      const language = attribute(line, 'LANGUAGE') ?? ''
      if (type === 'AUDIO' || type === 'SUBTITLES') {
        const wanted = type === 'AUDIO' ? keep.audioLanguages : keep.subtitleLanguages
        if (!wanted.includes(language)) continue
        remaining[type] += 1
        if (type === 'AUDIO' && attribute(line, 'DEFAULT') === 'YES') audioDefault = true
      }
    }
    kept.push(line)
  }
  let firstAudio = true
  return kept
    .map((line) => {
      if (line.startsWith('#EXT-X-MEDIA:') && attribute(line, 'TYPE') === 'AUDIO') {
        const makeDefault = !audioDefault && firstAudio
        firstAudio = false
        return makeDefault ? line.replace('DEFAULT=NO', 'DEFAULT=YES') : line
      }
      if (line.startsWith('#EXT-X-STREAM-INF:')) {
        let next = line
        if (remaining.AUDIO === 0) next = next.replace(/,AUDIO="[^"]*"/, '')
        if (remaining.SUBTITLES === 0) next = next.replace(/,SUBTITLES="[^"]*"/, '')
        return next
      }
      return line
    })
    .join('\n')
}

const MIME_BY_EXTENSION: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  vtt: 'text/vtt',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  aac: 'audio/aac',
}

/** The MIME type of a file in an HLS package, by its extension. */
export function hlsMime(uri: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(uri)?.[1]?.toLowerCase() ?? ''
  const mime = MIME_BY_EXTENSION[extension]
  if (!mime) throw new Error(`"${uri}" is not a file type an HLS package holds.`)
  return mime
}

/**
 * The Content-Type to serve a release asset with, from its first bytes: assets are stored by
 * hash without names, and native HLS players (Safari) need playlists and segments typed.
 */
export function assetContentType(head: Uint8Array): string {
  if (Buffer.from(head.subarray(0, 7)).toString('latin1') === '#EXTM3U')
    return 'application/vnd.apple.mpegurl'
  const sniffed = sniffMedia(head)
  if (sniffed.format === 'webvtt') return sniffed.mime
  return sniffed.kind === 'text' || sniffed.kind === 'unknown'
    ? 'application/octet-stream'
    : sniffed.mime
}
