import os from 'node:os'

import { bytes, ms, ratio, seconds, table } from '../format'
import type { DeltaComparison } from './deltas'
import type { FirstBuild } from './firstBuild'
import { CONNECTIONS, LOAD_MS, type ManifestVsRest, WARMUP_MS } from './manifestLoad'
import { EDIT, type ReRelease } from './reRelease'
import type { SeededMedia } from './seededMedia'
import { LOCALE, type Studio, type TimedBuild, TOOLKIT } from './studio'

export interface ReleaseBenchResults {
  studio: Studio
  media: SeededMedia
  first: FirstBuild
  load: ManifestVsRest
  reRelease: ReRelease
  deltas: DeltaComparison
  profiles: string[]
}

/** What the benchmark prints: setup, then the four measurements, then any CPU profiles. */
export function releaseBenchReport(results: ReleaseBenchResults): string {
  return [
    ...setupLines(results),
    '',
    ...manifestLines(results.load, results.media.clipIds.length),
    '',
    ...firstBuildLines(results.first),
    '',
    ...reReleaseLines(results.reRelease, results.first),
    '',
    ...deltaLines(results.deltas),
    ...results.profiles,
  ].join('\n')
}

function setupLines({ studio, media, first }: ReleaseBenchResults): string[] {
  return [
    '',
    `bench/releases (${os.cpus().length} cores, ${TOOLKIT}: ${media.clipIds.length} clips, ${studio.audiences.length} audiences × ${LOCALE} × ${studio.accents.length} accents)`,
    `setup: seeded media processed by ${media.jobs} media jobs, ${media.ffmpegRuns} ffmpeg runs, ${seconds(media.ms)}; \`sync\` before each timed step (the first took ${seconds(first.flushBeforeBuildMs)})`,
  ]
}

function manifestLines({ manifest, rest }: ManifestVsRest, clipCount: number): string[] {
  return [
    `1. manifest endpoint vs Payload REST, ${CONNECTIONS} keep-alive connections, closed loop, ${seconds(WARMUP_MS)} warm-up + ${seconds(LOAD_MS)}`,
    table([
      ['', 'req/s', 'p50', 'p99', 'requests', 'body'],
      [
        'GET manifest.json (mainstream)',
        manifest.requestsPerSecond.toFixed(1),
        ms(manifest.p50Ms),
        ms(manifest.p99Ms),
        String(manifest.requests),
        bytes(Math.round(manifest.bytesPerResponse)),
      ],
      [
        `GET /api/clips?depth=2&limit=100 (${clipCount} ids)`,
        rest.requestsPerSecond.toFixed(1),
        ms(rest.p50Ms),
        ms(rest.p99Ms),
        String(rest.requests),
        bytes(Math.round(rest.bytesPerResponse)),
      ],
    ]),
    `  ratio manifest/REST ${ratio(manifest.requestsPerSecond / rest.requestsPerSecond)} req/s   (target ≥ 20×); p50 REST/manifest ${ratio(rest.p50Ms / manifest.p50Ms)}`,
  ]
}

/** The rows every timed build reports: the whole, its two parts, and the database's share. */
function buildRows(label: string, build: TimedBuild) {
  return [
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
}

function firstBuildLines({ build, outputs, baseline }: FirstBuild): string[] {
  return [
    `2. release build 1.0.0 on an empty asset store vs sha256sum + zip -0 of the same bytes (baseline median of ${baseline.rounds})`,
    `  ${baseline.distinctAssets} distinct assets, ${bytes(baseline.distinctBytes)}; ${outputs.length} bundles, ${bytes(baseline.bundleBytes)} (baseline zips ${bytes(baseline.zipBytes)})`,
    table([
      ['', 'time'],
      ...buildRows('release build 1.0.0', build),
      ['sha256sum of the distinct assets', seconds(baseline.shaMs)],
      [`zip -0 of ${outputs.length} bundles`, seconds(baseline.zipMs)],
      ['sha256sum + zip', seconds(baseline.totalMs)],
      ['(cp of the distinct assets into a store, not in the baseline)', seconds(baseline.cpMs)],
    ]),
    `  ratio build/(sha256sum + zip) ${ratio(build.totalMs / baseline.totalMs)}   (target ≤ 2×); build/(sha256sum + zip + cp) ${ratio(build.totalMs / (baseline.totalMs + baseline.cpMs))}`,
  ]
}

function reReleaseLines(reRelease: ReRelease, first: FirstBuild): string[] {
  const second = reRelease.build
  return [
    `3. re-release 1.1.0 after editing one line of "${reRelease.scriptTitle}" (script went ${reRelease.editedStatus}, ${reRelease.staleRowCount} media rows stale; voices confirmed, captions remade)`,
    table([
      ['', 'value'],
      ['ffmpeg runs, edit → 1.1.0 published', `${reRelease.ffmpegRuns}`],
      ['media jobs run', `${reRelease.mediaJobs}`],
      ...buildRows('build 1.1.0', second),
      ['build 1.0.0: publish request → job done', seconds(first.build.totalMs)],
      ['whole re-release (edit, review, confirm, jobs, publish)', seconds(reRelease.ms)],
    ]),
    `  ffmpeg runs ${reRelease.ffmpegRuns} (target 0); ratio second/first build ${ratio(second.totalMs / first.build.totalMs)}`,
    `  edited line: "${EDIT.from}" → "${EDIT.to}"`,
    `  1.1.0 changelog: ${(second.release.changelog ?? []).map((c) => c.line).join(' | ')}`,
  ]
}

function deltaLines({ rows, changed, manifestChanges, allEqual }: DeltaComparison): string[] {
  return [
    '4. delta 1.0.0 → 1.1.0 vs assets that really changed (count / bytes)',
    table(rows),
    `  delta equals ground truth for every audience: ${allEqual ? 'yes' : 'NO'} (target: equal)`,
    `  changed assets: ${changed.size === 0 ? 'none' : ''}`,
    ...[...changed.values()].map((line) => `    ${line}`),
    `  manifest fields that differ (the manifest is fetched whole, not counted in the delta): ${[...manifestChanges].join(', ') || 'none'}`,
  ]
}
