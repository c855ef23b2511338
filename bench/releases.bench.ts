// `npm run bench:releases`: toolkit releases, measured side by side in one run on the seeded
// "Healthy Relationships Toolkit" (26 clips, media processed by the real ffmpeg jobs first).
// 1. Delivery manifest endpoint vs Payload REST `GET /api/clips?depth=2&limit=100` for the same
//    toolkit, both over real HTTP on one server, 32 keep-alive connections in a closed loop:
//    req/s, p50, p99 (target ratio ≥ 20×).
// 2. Release build (4 audiences, en-GB, 3 accents), publish request → job done, on an empty
//    asset store vs `sha256sum` + `zip -0` of the same bytes in the same layout (target ≤ 2×).
// 3. Re-release 1.1.0 after a one-line edit of one approved script (edit → review → confirm the
//    voices, captions made again from the new text → media jobs → publish): ffmpeg runs
//    (target 0) and build time vs the first.
// 4. The delta endpoint's byte totals vs the assets that really changed, computed from the two
//    manifests' asset tables and the files on disk (target: equal).
// The server is Payload's REST handlers on node:http in this process (test/int/helpers); the load
// generator runs in a worker thread so it does not share the server's event loop. `sync` runs
// before each timed step. BENCH_LOAD_SECONDS (10), BENCH_ROUNDS (3, baseline rounds) and
// BENCH_PROFILE=1 (CPU profiles of the timed steps, summarised) adjust a run.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { getPayload, type Payload } from 'payload'
import { afterAll, it } from 'vitest'

import config from '@payload-config'
import { DEMO_USERS } from '../seed/demoUsers'
import { seed } from '../seed/index'
import type { Manifest } from '../src/domain/manifest/types'
import { captionsFromScript } from '../src/domain/captions/captionsFromScript'
import { mediaDir } from '../src/lib/config/paths'
import { ffmpegRunCount } from '../src/lib/ffmpeg'
import type { Release } from '../src/payload-types'
import { http, messageOf, type Token } from '../test/int/helpers/review'
import { startRestServer, type RestServer } from '../test/int/helpers/restServer'
import { loginToken } from '../test/int/helpers/studio'
import { bytes, ms, ratio, seconds, table } from './helpers/format'
import { withDbTime } from './helpers/dbTime'
import { flushDisk } from './helpers/disk'
import { runQueueUntilIdle } from './helpers/jobs'
import { runLoad, type LoadResult } from './helpers/load'
import { assetUses, manifestDifferences } from './helpers/manifest'
import { maybeProfile } from './helpers/profile'
import { prepareZipBaseline } from './helpers/zipBaseline'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-bench-releases-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

const TOOLKIT = 'healthy-relationships'
const LOCALE = 'en-GB'
const CONNECTIONS = 32
const LOAD_MS = Number(process.env.BENCH_LOAD_SECONDS ?? 10) * 1000
const WARMUP_MS = 2000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const API_KEY = `bench-delivery-key-${randomUUID()}`
/** The seeded script edited for 1.1.0: its clip, the line and the new words. */
const EDIT = {
  clip: 'first-meeting',
  from: "Hiya, Dean. I'm Sam. Come and sit down.",
  to: "Hiya, Dean. I'm Sam. Come in and sit down.",
}

/** The part of a release's `outputs` rows this benchmark reads. */
interface OutputRow {
  audience: string
  locale: string
  assets: Record<string, { bytes: number; mime: string }>
  manifestBytes: number
  bundleBytes: number
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const assetFile = (sha: string) => path.join(mediaDir('assets'), sha.slice(0, 2), sha)
const outputsOf = (release: Release) => (release.outputs ?? []) as OutputRow[]

function demoUser(role: string) {
  const user = DEMO_USERS.find((u) => u.role === role)
  if (!user) throw new Error(`seed/demoUsers.ts has no ${role}`)
  return user
}

/** Fails loudly: a benchmark of a refused request measures the wrong thing. */
function ok<T>(result: { status: number; json: T; text: string }, expected: number, what: string) {
  if (result.status !== expected)
    throw new Error(`${what}: HTTP ${result.status}, expected ${expected}: ${messageOf(result)}`)
  return result.json
}

/** The toolkit's clips (those its exercises use, and their audience variants). */
async function toolkitClipIds(payload: Payload): Promise<number[]> {
  const toolkit = (
    await payload.find({ collection: 'toolkits', where: { slug: { equals: TOOLKIT } }, depth: 0 })
  ).docs[0]
  if (!toolkit) throw new Error(`the seed made no toolkit "${TOOLKIT}"`)
  const modules = await payload.find({
    collection: 'modules',
    where: { toolkit: { equals: toolkit.id } },
    depth: 0,
    pagination: false,
  })
  const exercises = await payload.find({
    collection: 'exercises',
    where: { module: { in: modules.docs.map((m) => m.id) } },
    depth: 0,
    pagination: false,
  })
  const base = [...new Set(exercises.docs.map((e) => Number(e.clip)).filter(Boolean))]
  const clips = await payload.find({
    collection: 'clips',
    where: { or: [{ id: { in: base } }, { variantOf: { in: base } }] },
    depth: 0,
    pagination: false,
  })
  return clips.docs.map((c) => c.id).sort((a, b) => a - b)
}

it('release benchmark', { timeout: 30 * 60_000 }, async () => {
  const payload = await getPayload({ config })
  if ((await payload.count({ collection: 'releases' })).totalDocs > 0)
    throw new Error('The bench database already has releases; run with a fresh DATABASE_URI.')
  await seed({ payload })

  // Setup, not measured against anything: the seeded media through the real ffmpeg jobs, two at
  // a time as the worker runs them.
  const mediaStarted = performance.now()
  const ffmpegBeforeMedia = ffmpegRunCount()
  const { jobs: mediaJobs } = await runQueueUntilIdle(payload, 'media', { limit: 2 })
  const mediaMs = performance.now() - mediaStarted
  const mediaFfmpegRuns = ffmpegRunCount() - ffmpegBeforeMedia
  const clipIds = await toolkitClipIds(payload)
  const notReady = (
    await payload.find({
      collection: 'clips',
      where: { id: { in: clipIds } },
      depth: 0,
      pagination: false,
    })
  ).docs.filter((c) => c.processing?.status !== 'ready')
  if (notReady.length)
    throw new Error(
      `media not ready: ${notReady.map((c) => `${c.slug} (${c.processing?.status}: ${c.processing?.reason ?? ''})`).join(', ')}`,
    )

  const server: RestServer = await startRestServer()
  try {
    const url = server.url
    const publisher = demoUser('publisher')
    const designer = demoUser('designer')
    const coProducer = demoUser('coProducer')
    const tokens = {
      publisher: await loginToken(url, publisher.email, publisher.password),
      designer: await loginToken(url, designer.email, designer.password),
      coProducer: await loginToken(url, coProducer.email, coProducer.password),
    }
    await payload.create({
      collection: 'delivery-apps',
      data: { name: 'Bench app', enableAPIKey: true, apiKey: API_KEY },
    })
    const deliveryHeaders = { authorization: `delivery-apps API-Key ${API_KEY}` }
    const delivery = async <T>(pathname: string): Promise<{ json: T; text: string }> => {
      const response = await fetch(`${url}${pathname}`, { headers: deliveryHeaders })
      const text = await response.text()
      if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status} ${text}`)
      return { json: JSON.parse(text) as T, text }
    }
    const request = <T>(
      token: Token,
      method: 'GET' | 'POST' | 'PATCH',
      p: string,
      body?: unknown,
    ) => http<T>(url, token, method, p, body)

    const toolkitId = (
      await payload.find({ collection: 'toolkits', where: { slug: { equals: TOOLKIT } } })
    ).docs[0].id
    const audiences = (await payload.find({ collection: 'audiences', sort: 'slug', limit: 100 }))
      .docs
    const accents = (await payload.find({ collection: 'accents', sort: 'tag', limit: 100 })).docs

    const createRelease = async (version: string) =>
      ok(
        await request<{ doc: Release }>(tokens.publisher, 'POST', '/api/releases', {
          toolkit: toolkitId,
          version,
          audiences: audiences.map((a) => a.id),
          locales: [LOCALE],
          accents: accents.map((a) => a.id),
        }),
        201,
        `create release ${version}`,
      ).doc
    /** Publish request → build job done; the build is timed as a worker would run it. */
    const publish = async (release: Release) => {
      const { result, db } = await withDbTime(payload, async () => {
        const started = performance.now()
        const answer = await request(
          tokens.publisher,
          'POST',
          `/api/releases/${release.id}/publish`,
        )
        if (answer.status !== 202)
          throw new Error(`publish ${release.version}: HTTP ${answer.status}: ${answer.text}`)
        const requestMs = performance.now() - started
        const { jobs, waits } = await runQueueUntilIdle(payload, 'releases', { limit: 1 })
        return { requestMs, totalMs: performance.now() - started, jobs, waits }
      })
      const done = await payload.findByID({ collection: 'releases', id: release.id, depth: 0 })
      if (done.status !== 'published')
        throw new Error(`release ${release.version} is ${done.status}: ${done.failureReason}`)
      return { ...result, db, release: done }
    }
    const buildRows = (label: string, build: Awaited<ReturnType<typeof publish>>) => [
      [`${label}: publish request → job done`, seconds(build.totalMs)],
      ['  of which the publish request (preflight, queue)', seconds(build.requestMs)],
      [
        `  of which the build job (${build.jobs} job run, ${build.waits} waits)`,
        seconds(build.totalMs - build.requestMs),
      ],
      [
        `  waiting for the database, all of it (${build.db.reads} reads, ${build.db.writes} writes)`,
        seconds(build.db.busyMs),
      ],
      ['  waiting for database writes', seconds(build.db.writeBusyMs)],
    ]

    // ---- 2. First release build, on an empty asset store, vs sha256sum + zip ----
    const storeBefore = fs.existsSync(mediaDir('assets'))
      ? fs.readdirSync(mediaDir('assets')).length
      : 0
    if (storeBefore > 0)
      throw new Error(`the asset store ${mediaDir('assets')} is not empty; use a fresh MEDIA_DIR`)
    const profiles: string[] = []
    const profiled = async <T>(name: string, work: () => Promise<T>) => {
      const { result, summary } = await maybeProfile(name, work)
      profiles.push(...summary)
      return result
    }
    const release100 = await createRelease('1.0.0')
    const flushBeforeBuildMs = flushDisk()
    const first = await profiled('build-1.0.0', () => publish(release100))
    const firstOutputs = outputsOf(first.release)
    const manifests100 = new Map<string, { manifest: Manifest; text: string }>()
    const signatures = new Map<string, string>()
    for (const audience of audiences) {
      const pathname = `/api/delivery/toolkits/${TOOLKIT}/releases/1.0.0/manifest.json?audience=${audience.slug}&locale=${LOCALE}`
      const response = await fetch(`${url}${pathname}`, { headers: deliveryHeaders })
      const text = await response.text()
      if (response.status !== 200) throw new Error(`GET ${pathname}: ${response.status} ${text}`)
      manifests100.set(audience.slug, { manifest: JSON.parse(text) as Manifest, text })
      signatures.set(
        audience.slug,
        JSON.stringify({
          keyId: response.headers.get('x-cdm-key-id'),
          signature: response.headers.get('x-cdm-signature'),
        }),
      )
    }
    const baseline = prepareZipBaseline({
      dir: path.join(tmp, 'baseline'),
      fileFor: assetFile,
      bundles: firstOutputs.map((o) => ({
        name: `${o.audience}.${o.locale}`,
        manifest: Buffer.from(manifests100.get(o.audience)!.text),
        signature: signatures.get(o.audience)!,
        assets: Object.keys(o.assets),
      })),
    })
    const baselineRuns = Array.from({ length: ROUNDS }, () => {
      flushDisk()
      return baseline.once()
    })
    const shaMs = median(baselineRuns.map((r) => r.sha256sumMs))
    const zipMs = median(baselineRuns.map((r) => r.zipMs))
    const cpMs = median(baselineRuns.map((r) => r.copyMs))
    const baselineMs = median(baselineRuns.map((r) => r.sha256sumMs + r.zipMs))
    const distinctBytes = baseline.files.reduce((sum, f) => sum + fs.statSync(f).size, 0)
    const bundleBytes = firstOutputs.reduce((sum, o) => sum + o.bundleBytes, 0)
    const zipBytes = Object.values(baselineRuns[0].zipBytes).reduce((a, b) => a + b, 0)

    // ---- 1. Manifest endpoint vs Payload REST, 32 connections ----
    const manifestUrl = `${url}/api/delivery/toolkits/${TOOLKIT}/releases/1.0.0/manifest.json?audience=mainstream&locale=${LOCALE}`
    const restPath = `/api/clips?depth=2&limit=100&${encodeURIComponent('where[id][in]')}=${clipIds.join(',')}`
    const restCheck = ok(
      await request<{ totalDocs: number }>(tokens.publisher, 'GET', restPath),
      200,
      'REST clips',
    )
    if (restCheck.totalDocs !== clipIds.length)
      throw new Error(`REST returned ${restCheck.totalDocs} clips, expected ${clipIds.length}`)
    const load = async (target: string, headers: Record<string, string>): Promise<LoadResult> => {
      const result = await runLoad({
        url: target,
        headers,
        connections: CONNECTIONS,
        warmupMs: WARMUP_MS,
        durationMs: LOAD_MS,
      })
      if (result.errors > 0)
        throw new Error(
          `${target}: ${result.errors} failed requests ${JSON.stringify(result.statuses)} ${result.lastError ?? ''}`,
        )
      return result
    }
    flushDisk()
    const manifestLoad = await profiled('load-manifest', () => load(manifestUrl, deliveryHeaders))
    const restLoad = await profiled('load-rest', () =>
      load(`${url}${restPath}`, { authorization: `JWT ${tokens.publisher}` }),
    )

    // ---- 3. Re-release after a one-line script edit ----
    const reReleaseStarted = performance.now()
    const ffmpegBefore = ffmpegRunCount()
    const clip = (
      await payload.find({ collection: 'clips', where: { slug: { equals: EDIT.clip } } })
    ).docs[0]
    const script = (
      await payload.find({
        collection: 'scripts',
        where: { clip: { equals: clip.id } },
        depth: 0,
        draft: true,
      })
    ).docs[0]
    const scenes = structuredClone(script.scenes ?? [])
    const line = scenes.flatMap((s) => s.lines ?? []).find((l) => l.text === EDIT.from)
    if (!line) throw new Error(`script "${script.title}" has no line "${EDIT.from}"`)
    line.text = EDIT.to
    const edited = ok(
      await request<{ doc: { status: string } }>(
        tokens.designer,
        'PATCH',
        `/api/scripts/${script.id}`,
        { scenes },
      ),
      200,
      'designer edits one line',
    )
    const staleClip = await payload.findByID({ collection: 'clips', id: clip.id, depth: 0 })
    const staleRows = [...(staleClip.voiceTracks ?? []), ...(staleClip.captions ?? [])].filter(
      (r) => r.stale,
    )
    const userId = async (email: string) =>
      (await payload.find({ collection: 'users', where: { email: { equals: email } } })).docs[0].id
    const reviewers = [await userId(coProducer.email), await userId(designer.email)]
    const review = async (token: string, action: string, expected: string, body = {}) => {
      const result = ok(
        await request<{ status: string }>(token, 'POST', `/api/scripts/${script.id}/review`, {
          action,
          ...body,
        }),
        200,
        `review ${action}`,
      )
      if (result.status !== expected)
        throw new Error(`review ${action} left the script ${result.status}, not ${expected}`)
    }
    await review(tokens.designer, 'submit', 'inReview', { reviewers })
    await review(tokens.coProducer, 'approve', 'inReview')
    await review(tokens.designer, 'approve', 'approved')
    // The voices still match a one-word change and are confirmed; the captions are made again
    // from the approved text, as the seed made them, and replace the old track.
    for (const row of staleClip.voiceTracks ?? []) {
      if (!row.stale) continue
      ok(
        await request(tokens.designer, 'POST', `/api/clips/${clip.id}/confirm-media`, {
          rowId: row.id,
        }),
        200,
        `confirm voice track row ${row.id}`,
      )
    }
    const vtt = Buffer.from(
      captionsFromScript({
        lines: scenes
          .flatMap((s) => s.lines ?? [])
          .map((l) => ({ speaker: l.speaker, text: l.text ?? '' })),
        durationMs: staleClip.processing?.durationMs ?? 0,
      }),
    )
    const newCaptions = await payload.create({
      collection: 'captions',
      data: { title: `Captions (English): ${clip.title} v2` },
      file: {
        data: vtt,
        mimetype: 'text/vtt',
        name: `${EDIT.clip}.en-GB.v2.vtt`,
        size: vtt.length,
      },
    })
    ok(
      await request(tokens.designer, 'PATCH', `/api/clips/${clip.id}`, {
        captions: [{ locale: LOCALE, track: newCaptions.id }],
      }),
      200,
      'designer replaces the captions',
    )
    const { jobs: reReleaseMediaJobs } = await runQueueUntilIdle(payload, 'media', { limit: 2 })
    const release110 = await createRelease('1.1.0')
    flushDisk()
    const second = await profiled('build-1.1.0', () => publish(release110))
    const reReleaseMs = performance.now() - reReleaseStarted
    const reReleaseFfmpeg = ffmpegRunCount() - ffmpegBefore

    // ---- 4. Delta endpoint vs the assets that really changed ----
    const deltaRows: string[][] = [
      ['audience', 'delta add', 'truth add', 'delta drop', 'truth drop', 'equal', 'manifest'],
    ]
    const changed = new Map<string, string>()
    const manifestChanges = new Set<string>()
    let allEqual = true
    for (const audience of audiences) {
      const query = `audience=${audience.slug}&locale=${LOCALE}`
      const delta = (
        await delivery<{
          add: { sha256: string; bytes: number }[]
          drop: { sha256: string; bytes: number }[]
          addBytes: number
          dropBytes: number
        }>(`/api/delivery/toolkits/${TOOLKIT}/releases/1.1.0/delta?from=1.0.0&${query}`)
      ).json
      const before = manifests100.get(audience.slug)!
      const after = await delivery<Manifest>(
        `/api/delivery/toolkits/${TOOLKIT}/releases/1.1.0/manifest.json?${query}`,
      )
      // Ground truth from the two asset tables, each size checked against the stored file.
      const onlyIn = (a: Manifest, b: Manifest) =>
        Object.keys(a.assets).filter((sha) => !Object.hasOwn(b.assets, sha))
      const sizeOnDisk = (sha: string) => fs.statSync(assetFile(sha)).size
      for (const m of [before.manifest, after.json])
        for (const [sha, asset] of Object.entries(m.assets))
          if (asset.bytes !== sizeOnDisk(sha))
            throw new Error(
              `manifest lists ${sha} as ${asset.bytes} B; the file has ${sizeOnDisk(sha)} B`,
            )
      const added = onlyIn(after.json, before.manifest)
      const dropped = onlyIn(before.manifest, after.json)
      const addBytes = added.reduce((sum, sha) => sum + sizeOnDisk(sha), 0)
      const dropBytes = dropped.reduce((sum, sha) => sum + sizeOnDisk(sha), 0)
      const sameSet = (list: { sha256: string }[], truth: string[]) =>
        JSON.stringify(list.map((a) => a.sha256).sort()) === JSON.stringify([...truth].sort())
      const equal =
        delta.addBytes === addBytes &&
        delta.dropBytes === dropBytes &&
        sameSet(delta.add, added) &&
        sameSet(delta.drop, dropped)
      allEqual &&= equal
      for (const key of manifestDifferences(before.manifest, after.json)) manifestChanges.add(key)
      const usesAfter = assetUses(after.json)
      const usesBefore = assetUses(before.manifest)
      // HLS media playlists and segments are named only in the asset table and by playlists.
      const describe = (m: Manifest, uses: Map<string, string[]>, sha: string) =>
        `${bytes(sizeOnDisk(sha))} ${uses.get(sha)?.join(', ') ?? `${m.assets[sha].mime} (not named by a clip field)`}`
      for (const sha of added) changed.set(sha, `+ ${describe(after.json, usesAfter, sha)}`)
      for (const sha of dropped) changed.set(sha, `- ${describe(before.manifest, usesBefore, sha)}`)
      deltaRows.push([
        audience.slug,
        `${delta.add.length} / ${bytes(delta.addBytes)}`,
        `${added.length} / ${bytes(addBytes)}`,
        `${delta.drop.length} / ${bytes(delta.dropBytes)}`,
        `${dropped.length} / ${bytes(dropBytes)}`,
        equal ? 'yes' : 'NO',
        `${bytes(before.text.length)} → ${bytes(after.text.length)}`,
      ])
    }
    const manifestRatio = manifestLoad.requestsPerSecond / restLoad.requestsPerSecond
    console.log(
      [
        '',
        `bench/releases (${os.cpus().length} cores, ${TOOLKIT}: ${clipIds.length} clips, ${audiences.length} audiences × ${LOCALE} × ${accents.length} accents)`,
        `setup: seeded media processed by ${mediaJobs} media jobs, ${mediaFfmpegRuns} ffmpeg runs, ${seconds(mediaMs)}; \`sync\` before each timed step (the first took ${seconds(flushBeforeBuildMs)})`,
        '',
        `1. manifest endpoint vs Payload REST, ${CONNECTIONS} keep-alive connections, closed loop, ${seconds(WARMUP_MS)} warm-up + ${seconds(LOAD_MS)}`,
        table([
          ['', 'req/s', 'p50', 'p99', 'requests', 'body'],
          [
            'GET manifest.json (mainstream)',
            manifestLoad.requestsPerSecond.toFixed(1),
            ms(manifestLoad.p50Ms),
            ms(manifestLoad.p99Ms),
            String(manifestLoad.requests),
            bytes(Math.round(manifestLoad.bytesPerResponse)),
          ],
          [
            `GET /api/clips?depth=2&limit=100 (${clipIds.length} ids)`,
            restLoad.requestsPerSecond.toFixed(1),
            ms(restLoad.p50Ms),
            ms(restLoad.p99Ms),
            String(restLoad.requests),
            bytes(Math.round(restLoad.bytesPerResponse)),
          ],
        ]),
        `  ratio manifest/REST ${ratio(manifestRatio)} req/s   (target ≥ 20×); p50 REST/manifest ${ratio(restLoad.p50Ms / manifestLoad.p50Ms)}`,
        '',
        `2. release build 1.0.0 on an empty asset store vs sha256sum + zip -0 of the same bytes (baseline median of ${ROUNDS})`,
        `  ${baseline.distinctAssets} distinct assets, ${bytes(distinctBytes)}; ${firstOutputs.length} bundles, ${bytes(bundleBytes)} (baseline zips ${bytes(zipBytes)})`,
        table([
          ['', 'time'],
          ...buildRows('release build 1.0.0', first),
          ['sha256sum of the distinct assets', seconds(shaMs)],
          [`zip -0 of ${firstOutputs.length} bundles`, seconds(zipMs)],
          ['sha256sum + zip', seconds(baselineMs)],
          ['(cp of the distinct assets into a store, not in the baseline)', seconds(cpMs)],
        ]),
        `  ratio build/(sha256sum + zip) ${ratio(first.totalMs / baselineMs)}   (target ≤ 2×); build/(sha256sum + zip + cp) ${ratio(first.totalMs / (baselineMs + cpMs))}`,
        '',
        `3. re-release 1.1.0 after editing one line of "${script.title}" (script went ${edited.doc.status}, ${staleRows.length} media rows stale; voices confirmed, captions remade)`,
        table([
          ['', 'value'],
          ['ffmpeg runs, edit → 1.1.0 published', `${reReleaseFfmpeg}`],
          ['media jobs run', `${reReleaseMediaJobs}`],
          ...buildRows('build 1.1.0', second),
          ['build 1.0.0: publish request → job done', seconds(first.totalMs)],
          ['whole re-release (edit, review, confirm, jobs, publish)', seconds(reReleaseMs)],
        ]),
        `  ffmpeg runs ${reReleaseFfmpeg} (target 0); ratio second/first build ${ratio(second.totalMs / first.totalMs)}`,
        `  edited line: "${EDIT.from}" → "${EDIT.to}"`,
        `  1.1.0 changelog: ${(second.release.changelog ?? []).map((c) => c.line).join(' | ')}`,
        '',
        '4. delta 1.0.0 → 1.1.0 vs assets that really changed (count / bytes)',
        table(deltaRows),
        `  delta equals ground truth for every audience: ${allEqual ? 'yes' : 'NO'} (target: equal)`,
        `  changed assets: ${changed.size === 0 ? 'none' : ''}`,
        ...[...changed.values()].map((line) => `    ${line}`),
        `  manifest fields that differ (the manifest is fetched whole, not counted in the delta): ${[...manifestChanges].join(', ') || 'none'}`,
        ...profiles,
      ].join('\n'),
    )
  } finally {
    await server.close()
  }
})
