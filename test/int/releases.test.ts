import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { uniqueSuffix } from './helpers/payload'
import {
  CAPTION_WORDS,
  makeReleasableToolkit,
  type ReleasableToolkit,
} from './helpers/releasableToolkit'
import { loginToken, requestAs, setUpStudio } from './helpers/studio'
import { PASSWORD } from './helpers/world'
import { readZip } from './helpers/zip'
import { createDeliveryClient } from '../../src/delivery-client'
import { MediaFixtures } from './media/helpers/fixtures'
import { idFromText } from '../../src/domain/refs'
import { ASSET_EXTENSIONS } from '../../src/domain/releases/assetNames'
import { playlistUris } from '../../src/domain/releases/hlsForRelease'
import { ffmpegBinaries } from '../../src/lib/ffmpeg/binaries'
import { pdfPages } from '../helpers/pdfText'

const studio = setUpStudio()
const fixtures = new MediaFixtures()
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-sync-'))

let made: ReleasableToolkit
let toolkit: ReleasableToolkit['toolkit']
let audience: ReleasableToolkit['audience']
let accent: ReleasableToolkit['accent']
let apiKey = ''
let publisherToken = ''

beforeAll(async () => {
  const { payload, world } = studio
  await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
  made = await makeReleasableToolkit(payload, world, fixtures)
  ;({ toolkit, audience, accent, apiKey } = made)
  publisherToken = await loginToken(studio.server.url, world.users.publisher.email, PASSWORD)
})

afterAll(async () => {
  await made?.remove()
  fixtures.remove()
  fs.rmSync(outDir, { recursive: true, force: true })
})

const api = (method: string, url: string, body?: unknown, token = publisherToken) =>
  requestAs(studio.server.url, token, method, url, body)
const execFileAsync = promisify(execFile)

/** Debian's own ffmpeg build (5.1), which checks segment extensions; CI installs it. */
const DEBIAN_FFPROBE = '/usr/bin/ffprobe'

/**
 * What ffprobe, given no options but its input, sees in a multivariant playlist. Run without
 * blocking: the studio answering it is in this process.
 */
async function probeHls(ffprobe: string, input: string, options: string[] = []) {
  const args = ['-v', 'error', ...options, '-print_format', 'json']
  const played = await execFileAsync(
    ffprobe,
    [...args, '-show_streams', '-show_programs', '-show_format', input],
    { env: { ...process.env, GCONV_PATH: '/nonexistent' }, encoding: 'utf8', timeout: 60_000 },
  )
  expect(played.stderr).toBe('')
  const result = JSON.parse(played.stdout) as {
    programs: unknown[]
    streams: { codec_type: string; height?: number; tags?: { language?: string } }[]
    format: { duration: string }
  }
  const streams = result.streams
  return {
    programs: result.programs.length,
    streams: streams.map((s) => s.codec_type),
    heights: [...new Set(streams.flatMap((s) => (s.codec_type === 'video' ? [s.height] : [])))],
    audioLanguages: [
      ...new Set(streams.flatMap((s) => (s.codec_type === 'audio' ? [s.tags?.language] : []))),
    ],
    duration: Number(result.format.duration),
  }
}

const delivery = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${studio.server.url}${url}`, {
    headers: { authorization: `delivery-apps API-Key ${apiKey}`, ...headers },
  })

describe('releases and delivery', () => {
  let releaseId = 0

  it('should create a draft release, pass preflight and publish it through the build job', async () => {
    const created = await api('POST', '/api/releases', {
      toolkit: toolkit.id,
      version: '1.0.0',
      audiences: [audience.id],
      locales: ['en-GB'],
      accents: [accent.id],
    })
    expect(created.status).toBe(201)
    releaseId = ((await created.json()) as { doc: { id: number; status: string } }).doc.id
    const preflight = (await (
      await api('POST', `/api/releases/${releaseId}/preflight`)
    ).json()) as { ok: boolean; problems: unknown[] }
    expect(preflight.problems).toEqual([])
    expect(preflight.ok).toBe(true)
    const publish = await api('POST', `/api/releases/${releaseId}/publish`)
    expect(publish.status).toBe(202)
    await studio.payload.jobs.run({ queue: 'releases', limit: 5 })
    const release = await studio.payload.findByID({ collection: 'releases', id: releaseId })
    expect(release.failureReason ?? null).toBeNull()
    expect(release.status).toBe('published')
    expect(release.publishedBy).toBeTruthy()
    // The freeze names each script's published version, and hashes of what the release took
    // from the other documents.
    const frozen = (
      release.freeze as { documents: { collection: string; id: string; versionId: string }[] }
    ).documents
    for (const doc of frozen.filter((d) => d.collection === 'scripts')) {
      const versions = await studio.payload.findVersions({
        collection: 'scripts',
        where: { parent: { equals: idFromText(doc.id, studio.payload.db.defaultIDType) } },
        sort: '-updatedAt',
      })
      expect(versions.docs.map((v) => String(v.id))).toContain(doc.versionId)
    }
    expect(frozen.filter((d) => d.collection !== 'scripts').map((d) => d.versionId)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]),
    )
    expect(frozen.map((d) => d.collection).sort()).toEqual(
      ['clips', 'clips', 'exercises', 'exercises', 'modules', 'scripts', 'scripts'].sort(),
    )
  })

  it('should let a delivery app sync the release and verify its signature and every asset', async () => {
    const client = createDeliveryClient({ baseUrl: studio.server.url, apiKey })
    const keys = await client.keys()
    const result = await client.syncRelease({
      toolkit: toolkit.slug,
      audience: audience.slug,
      locale: 'en-GB',
      outDir,
      pinnedKeys: keys,
    })
    expect(result.version).toBe('1.0.0')
    expect(result.downloaded.length).toBeGreaterThanOrEqual(4)
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      modules: { exercises: { clip: { offline: unknown[] } }[] }[]
    }
    expect(manifest.modules[0].exercises[0].clip.offline).toHaveLength(1)
    const again = await client.syncRelease({
      toolkit: toolkit.slug,
      audience: audience.slug,
      locale: 'en-GB',
      outDir,
      pinnedKeys: keys,
    })
    expect(again.downloaded).toEqual([])
  })

  it('should ship HLS whose playlists name every file by its file name, playable from the device folder', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      assets: Record<string, { mime: string; file: string }>
      modules: { exercises: { clip: { hls: string; captions: { sha256: string }[] } }[] }[]
    }
    const clip = manifest.modules[0].exercises[0].clip
    const assets = path.join(outDir, 'assets')
    const fileOf = (sha: string) => path.join(assets, manifest.assets[sha].file)
    // A playlist's URIs are the manifest's names for its files, which lie beside it.
    const named = (sha: string) =>
      playlistUris(fs.readFileSync(fileOf(sha), 'utf8')).map((uri) => {
        const [key, extension] = uri.split('.')
        expect(manifest.assets[key], `${uri} is in the asset table`).toBeDefined()
        expect(uri).toBe(manifest.assets[key].file)
        expect(extension).toMatch(/^(m3u8|ts|vtt)$/)
        expect(fs.existsSync(path.join(assets, uri))).toBe(true)
        return key
      })
    const master = manifest.assets[clip.hls].file
    expect(master).toBe(`${clip.hls}.m3u8`)
    const served = await delivery(`/api/delivery/assets/${master}`)
    expect(served.headers.get('content-type')).toBe('application/vnd.apple.mpegurl')
    const mediaPlaylists = named(clip.hls)
    // 720p and 360p video, the one accent chosen, English subtitles.
    expect(mediaPlaylists).toHaveLength(4)
    const segments = mediaPlaylists.flatMap(named)
    expect(segments.map((s) => manifest.assets[s].mime)).toContain('video/mp2t')
    expect(segments.map((s) => manifest.assets[s].mime)).toContain('text/vtt')
    // Each clip's subtitles are its own captions, though the clips share video and voice: the
    // same cues, with the header's X-TIMESTAMP-MAP placing them on the video.
    const subtitlesOf = (hls: string) =>
      named(hls)
        .flatMap(named)
        .filter((sha) => manifest.assets[sha].mime === 'text/vtt')
        .map((sha) => fs.readFileSync(fileOf(sha), 'utf8'))
    const cuesOf = (vtt: string) => vtt.slice(vtt.search(/\r?\n\r?\n/)).trim()
    const exercises = manifest.modules[0].exercises
    for (const exercise of exercises) {
      const captions = fs.readFileSync(fileOf(exercise.clip.captions[0].sha256), 'utf8')
      const [subtitles, ...more] = subtitlesOf(exercise.clip.hls)
      expect(more).toEqual([])
      expect(subtitles).toMatch(/^WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:\d+,LOCAL:00:00:00\.000\n/)
      expect(cuesOf(subtitles)).toBe(cuesOf(captions))
    }
    expect(
      exercises.map((e) => fs.readFileSync(fileOf(e.clip.captions[0].sha256), 'utf8')),
    ).toEqual(CAPTION_WORDS.map((words) => expect.stringContaining(words)))
    // ffprobe with its default options, which go by file extensions, reads it from the folder.
    const probed = await probeHls(ffmpegBinaries().ffprobe, path.join(assets, master))
    expect(probed.streams).toEqual(expect.arrayContaining(['audio', 'video']))
    expect(probed.duration).toBeGreaterThan(1.5)
  })

  it('should ship printable worksheets, a PDF listed in the manifest, one exercise from the top of a page', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
      toolkit: { title: string }
      printable: string
      assets: Record<string, { bytes: number; mime: string; file: string }>
      modules: { title: string; exercises: { title: string; task: string }[] }[]
    }
    const asset = manifest.assets[manifest.printable]
    expect(asset).toMatchObject({ mime: 'application/pdf', file: `${manifest.printable}.pdf` })
    const served = await delivery(`/api/delivery/assets/${asset.file}`)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await served.arrayBuffer())
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(manifest.printable)
    expect(bytes.length).toBe(asset.bytes)
    expect(fs.readFileSync(path.join(outDir, 'assets', asset.file))).toEqual(bytes)
    const pages = await pdfPages(bytes)
    const exercises = manifest.modules.flatMap((m) => m.exercises)
    expect(exercises.map((e) => e.title)).toEqual(['First', 'Second'])
    expect(pages[0]).toContain(manifest.toolkit.title)
    expect(pages[0]).toContain('Version 1.0.0')
    const starts = exercises.map((e) =>
      pages.findIndex((page) => page.startsWith('Module: ') && page.includes(e.title)),
    )
    expect(starts[0]).toBe(1)
    expect(starts[1]).toBeGreaterThan(starts[0])
    expect(pages.slice(starts[0], starts[1]).join(' ')).toContain('Notice one feeling.')
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`)
  })

  it.skipIf(!fs.existsSync(DEBIAN_FFPROBE))(
    "should be read over HTTP by Debian's ffprobe with default options, every rendition seen",
    async () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as {
        assets: Record<string, { file: string }>
        modules: { exercises: { clip: { hls: string } }[] }[]
      }
      const { hls } = manifest.modules[0].exercises[0].clip
      const url = `${studio.server.url}/api/delivery/assets/${manifest.assets[hls].file}`
      const text = await (
        await delivery(`/api/delivery/assets/${manifest.assets[hls].file}`)
      ).text()
      const variants = text.split('\n').filter((line) => line.startsWith('#EXT-X-STREAM-INF:'))
      const audio = text.split('\n').filter((line) => line.includes('TYPE=AUDIO'))
      const probed = await probeHls(DEBIAN_FFPROBE, url, [
        '-headers',
        `Authorization: delivery-apps API-Key ${apiKey}\r\n`,
      ])
      // One program per variant, each with its picture and the audio renditions of its group.
      expect(probed.programs).toBe(variants.length)
      const heights = variants.map((line) => Number(/RESOLUTION=\d+x(\d+)/.exec(line)?.[1]))
      expect(probed.heights.sort()).toEqual([...new Set(heights)].sort())
      expect(probed.audioLanguages).toEqual(
        expect.arrayContaining(audio.map((line) => /LANGUAGE="([^"]+)"/.exec(line)?.[1] ?? '')),
      )
      expect(probed.duration).toBeGreaterThan(1.5)
    },
  )

  it('should answer delivery requests with the right status codes and caching headers', async () => {
    const base = `/api/delivery/toolkits/${toolkit.slug}/releases`
    expect(
      (await fetch(`${studio.server.url}${base}/latest?audience=${audience.slug}&locale=en-GB`))
        .status,
    ).toBe(401)
    expect(
      (
        await delivery(
          `/api/delivery/toolkits/no-such-toolkit/releases/latest?audience=${audience.slug}&locale=en-GB`,
        )
      ).status,
    ).toBe(404)
    expect((await delivery(`${base}/latest?audience=${audience.slug}&locale=fr`)).status).toBe(400)
    const unknown = await delivery(
      `${base}/1.0.0/manifest.json?audience=no-such-audience&locale=en-GB`,
    )
    expect(unknown.status).toBe(400)
    expect(((await unknown.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /^Unknown audience "no-such-audience": use one of /,
    )
    expect((await delivery(`${base}/latest?audience=no-such-audience&locale=en-GB`)).status).toBe(
      400,
    )
    // A real audience this release was not made for: not found, rather than a bad request.
    const other = (
      await studio.payload.find({
        collection: 'audiences',
        where: { slug: { not_equals: audience.slug } },
        limit: 1,
      })
    ).docs[0]
    expect(
      (await delivery(`${base}/1.0.0/manifest.json?audience=${other.slug}&locale=en-GB`)).status,
    ).toBe(404)
    expect(
      (await delivery(`${base}/1.0/manifest.json?audience=${audience.slug}&locale=en-GB`)).status,
    ).toBe(400)
    const manifest = await delivery(
      `${base}/1.0.0/manifest.json?audience=${audience.slug}&locale=en-GB`,
    )
    expect(manifest.status).toBe(200)
    const etag = manifest.headers.get('etag')!
    expect(
      (
        await delivery(`${base}/1.0.0/manifest.json?audience=${audience.slug}&locale=en-GB`, {
          'if-none-match': etag,
        })
      ).status,
    ).toBe(304)
    const assets = Object.keys(
      ((await manifest.json()) as { assets: Record<string, unknown> }).assets,
    )
    const ranged = await delivery(`/api/delivery/assets/${assets[0]}`, { range: 'bytes=0-9' })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable, no-transform',
    )
    expect((await ranged.arrayBuffer()).byteLength).toBe(10)
    // Every asset, whole, is the bytes its hash names; a client holding it gets a 304.
    const { createHash } = await import('node:crypto')
    for (const sha of assets) {
      const whole = await delivery(`/api/delivery/assets/${sha}`)
      expect(whole.status).toBe(200)
      const bytes = Buffer.from(await whole.arrayBuffer())
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha)
      expect(Number(whole.headers.get('content-length'))).toBe(bytes.length)
      expect(whole.headers.get('content-type')).toMatch(/^(video|audio|image|text|application)\//)
      const cached = await delivery(`/api/delivery/assets/${sha}`, { 'if-none-match': `"${sha}"` })
      expect(cached.status).toBe(304)
      expect(await cached.text()).toBe('')
    }
    expect((await delivery('/api/delivery/assets/not-a-sha')).status).toBe(400)
    expect((await delivery(`/api/delivery/assets/${'0'.repeat(64)}`)).status).toBe(404)
  })

  it('should stop accepting an app key as soon as the app is deleted or its key changed', async () => {
    const { payload } = studio
    const key = `short-lived-${Date.now()}-delivery-key`
    const app = await payload.create({
      collection: 'delivery-apps',
      data: { name: 'Short-lived app', enableAPIKey: true, apiKey: key },
    })
    const keys = () =>
      fetch(`${studio.server.url}/api/delivery/keys`, {
        headers: { authorization: `delivery-apps API-Key ${key}` },
      }).then((r) => r.status)
    expect(await keys()).toBe(200)
    expect(await keys()).toBe(200)
    await payload.update({
      collection: 'delivery-apps',
      id: app.id,
      data: { apiKey: `${key}-rotated` },
    })
    expect(await keys()).toBe(401)
    await payload.delete({ collection: 'delivery-apps', id: app.id })
    expect(await keys()).toBe(401)
  })

  it('should keep a published release immutable for every role, admins included', async () => {
    const { payload, world } = studio
    for (const role of ['publisher', 'admin'] as const) {
      const token = await loginToken(studio.server.url, world.users[role].email, PASSWORD)
      expect(
        (await api('PATCH', `/api/releases/${releaseId}`, { releaseNotes: 'changed' }, token))
          .status,
      ).toBe(403)
      expect((await api('DELETE', `/api/releases/${releaseId}`, undefined, token)).status).toBe(403)
    }
    for (const role of ['designer', 'coProducer'] as const) {
      const token = await loginToken(studio.server.url, world.users[role].email, PASSWORD)
      expect(
        (await api('PATCH', `/api/releases/${releaseId}`, { releaseNotes: 'changed' }, token))
          .status,
      ).toBe(403)
    }
    await expect(
      payload.update({
        collection: 'releases',
        id: releaseId,
        data: { releaseNotes: 'x' },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.delete({ collection: 'releases', id: releaseId, overrideAccess: true }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      (await payload.findByID({ collection: 'releases', id: releaseId })).releaseNotes ?? null,
    ).toBeNull()
  })

  it('should refuse a version that is not greater than the last release, or not semver', async () => {
    for (const version of ['0.9.0', '1.0.0', '1.0']) {
      const response = await api('POST', '/api/releases', {
        toolkit: toolkit.id,
        version,
        audiences: [audience.id],
        locales: ['en-GB'],
        accents: [accent.id],
      })
      expect(response.status, version).toBe(400)
      expect(JSON.stringify(await response.json())).toContain('version')
    }
  })

  it('should serve the offline bundle with the manifest, its signature and every asset', async () => {
    const url = `/api/delivery/toolkits/${toolkit.slug}/releases/1.0.0/bundle.zip?audience=${audience.slug}&locale=en-GB`
    const bundle = Buffer.from(await (await delivery(url)).arrayBuffer())
    expect(bundle.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
    const release = await studio.payload.findByID({ collection: 'releases', id: releaseId })
    const output = (
      release.outputs as { bundleBytes: number; assets: Record<string, unknown> }[]
    )[0]
    expect(bundle.length).toBe(output.bundleBytes)
    const file = path.join(outDir, '..', `${path.basename(outDir)}-bundle.zip`)
    fs.writeFileSync(file, bundle)
    const entries = await readZip(file)
    fs.rmSync(file)
    expect([...entries.keys()].slice(0, 2)).toEqual(['manifest.json', 'manifest.sig.json'])
    const manifestAssets = (
      JSON.parse(entries.get('manifest.json')!.toString('utf8')) as {
        assets: Record<string, { mime: string }>
      }
    ).assets
    // Each kind of file has its extension in the bundle, as in the delivery API's URLs.
    const extensionOf = (mime: string) =>
      Object.keys(ASSET_EXTENSIONS).find((ext) => ASSET_EXTENSIONS[ext] === mime)
    expect([...entries.keys()].slice(2).sort()).toEqual(
      Object.keys(output.assets)
        .map((sha) => `assets/${sha}.${extensionOf(manifestAssets[sha].mime)}`)
        .sort(),
    )
    for (const [name, bytes] of entries) {
      if (name.startsWith('assets/'))
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(name.slice(7, 7 + 64))
    }
    const signature = JSON.parse(entries.get('manifest.sig.json')!.toString('utf8')) as {
      signature: string
    }
    expect(signature.signature).toBe((release.outputs as { signature: string }[])[0].signature)
    expect((await delivery(url, { range: 'bytes=0-3' })).status).toBe(206)
  })

  it('should publish a second release after one voice is re-recorded, with a delta of exactly the changed files', async () => {
    const { payload } = studio
    const { clip } = made
    const data = fs.readFileSync(fixtures.voice('release-v2.m4a', 2, 523))
    const voice = await payload.create({
      collection: 'voice-tracks',
      data: { title: 'v2' },
      file: { data, mimetype: 'audio/mp4', name: `${uniqueSuffix()}-v2.m4a`, size: data.length },
    })
    made.keep('voice-tracks', voice.id)
    await payload.update({
      collection: 'clips',
      id: clip.id,
      data: { voiceTracks: [{ accent: accent.id, track: voice.id }] },
    })
    await payload.jobs.run({ queue: 'media', limit: 5 })
    const created = await api('POST', '/api/releases', {
      toolkit: toolkit.id,
      version: '1.1.0',
      audiences: [audience.id],
      locales: ['en-GB'],
      accents: [accent.id],
    })
    const secondId = ((await created.json()) as { doc: { id: number } }).doc.id
    expect((await api('POST', `/api/releases/${secondId}/publish`)).status).toBe(202)
    await payload.jobs.run({ queue: 'releases', limit: 5 })
    expect((await payload.findByID({ collection: 'releases', id: secondId })).status).toBe(
      'published',
    )

    const delta = (await (
      await delivery(
        `/api/delivery/toolkits/${toolkit.slug}/releases/1.1.0/delta?from=1.0.0&audience=${audience.slug}&locale=en-GB`,
      )
    ).json()) as { add: { sha256: string }[]; drop: { sha256: string }[]; addBytes: number }
    // New: the voice, its offline MP4, its HLS audio and the first clip's master playlist, and
    // the printable worksheets, whose cover names the version. Dropped: that master and the old
    // worksheets; the second clip still uses the old voice and its files.
    expect(delta.add.length).toBe(6)
    expect(delta.drop.length).toBe(2)
    const printableOf = async (version: string) =>
      (
        (await (
          await delivery(
            `/api/delivery/toolkits/${toolkit.slug}/releases/${version}/manifest.json?audience=${audience.slug}&locale=en-GB`,
          )
        ).json()) as { printable: string }
      ).printable
    expect(delta.add.map((a) => a.sha256)).toContain(await printableOf('1.1.0'))
    expect(delta.drop.map((d) => d.sha256)).toContain(await printableOf('1.0.0'))

    const client = createDeliveryClient({ baseUrl: studio.server.url, apiKey })
    const synced = await client.syncRelease({
      toolkit: toolkit.slug,
      audience: audience.slug,
      locale: 'en-GB',
      outDir,
      pinnedKeys: await client.keys(),
    })
    expect(synced.version).toBe('1.1.0')
    expect([...synced.downloaded].sort()).toEqual(delta.add.map((a) => a.sha256).sort())
    expect(synced.bytesDownloaded).toBe(delta.addBytes)
    expect([...synced.removed].sort()).toEqual(delta.drop.map((d) => d.sha256).sort())

    // The publisher's summary shows the same delta, and the files download for staff only.
    const summary = (await (await api('GET', `/api/releases/${secondId}/summary`)).json()) as {
      outputs: {
        audience: string
        bundleBytes: number
        deltas: { from: string; addBytes: number }[]
      }[]
    }
    expect(summary.outputs[0].audience).toBe(audience.slug)
    expect(summary.outputs[0].deltas).toEqual([
      expect.objectContaining({ from: '1.0.0', addBytes: delta.addBytes }),
    ])
    const download = `/api/releases/${secondId}/download?audience=${audience.slug}&locale=en-GB`
    const bundle = await api('GET', `${download}&file=bundle`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-disposition')).toContain('1.1.0-')
    expect((await bundle.arrayBuffer()).byteLength).toBe(summary.outputs[0].bundleBytes)
    expect((await api('GET', `${download}&file=secrets`)).status).toBe(400)
    // Staff print the worksheets from the release panel: the same PDF the manifest lists.
    const printout = await fetch(`${studio.server.url}${download}&file=printable`, {
      headers: { authorization: `JWT ${publisherToken}` },
    })
    expect(printout.status).toBe(200)
    expect(printout.headers.get('content-type')).toBe('application/pdf')
    expect(printout.headers.get('content-disposition')).toContain(
      `1.1.0-${audience.slug}.en-GB.worksheets.pdf`,
    )
    expect(
      createHash('sha256')
        .update(Buffer.from(await printout.arrayBuffer()))
        .digest('hex'),
    ).toBe(await printableOf('1.1.0'))
    expect(summary.outputs[0]).toMatchObject({ printable: true })
    expect(
      (await api('GET', `/api/releases/${secondId}/download?audience=nobody&locale=en-GB`)).status,
    ).toBe(404)
    const coProducer = await loginToken(
      studio.server.url,
      studio.world.users.coProducer.email,
      PASSWORD,
    )
    expect((await api('GET', `${download}&file=bundle`, undefined, coProducer)).status).toBe(404)
    expect((await fetch(`${studio.server.url}${download}`)).status).toBe(401)
  })

  it('should answer 410 for a withdrawn release', async () => {
    expect((await api('POST', `/api/releases/${releaseId}/withdraw`, {})).status).toBe(400)
    expect(
      (await api('POST', `/api/releases/${releaseId}/withdraw`, { reason: 'Wrong accent label' }))
        .status,
    ).toBe(200)
    const gone = await delivery(
      `/api/delivery/toolkits/${toolkit.slug}/releases/1.0.0/manifest.json?audience=${audience.slug}&locale=en-GB`,
    )
    expect(gone.status).toBe(410)
    expect(JSON.stringify(await gone.json())).toContain('Wrong accent label')
  })
})
