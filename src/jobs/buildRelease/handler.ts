import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { TaskHandler } from 'payload'

import { buildManifest } from '../../domain/manifest/buildManifest'
import { canonicalJsonBytes } from '../../domain/manifest/canonicalJson'
import { printableWorksheets } from '../../domain/print/printableWorksheets'
import { idText } from '../../domain/refs'
import { DEFAULT_STALE_AFTER_MS } from '../../domain/releases/buildProgress'
import type { ReleaseOutput } from '../../domain/releases/summary'
import type { MediaKey } from '../../domain/storage/mediaKeys'
import { dataDir } from '../../lib/config/paths'
import { printablePdf } from '../../lib/print/printablePdf'
import {
  type BuildProgressReporter,
  startBuildProgress,
} from '../../lib/releases/buildProgressReporter'
import { writeBundle } from '../../lib/releases/bundle'
import { packageReleaseHls } from '../../lib/releases/releaseHls'
import {
  bundleFileName,
  manifestFileName,
  removeInterruptedWrites,
  signatureFileName,
  storeAsset,
  writeReleaseAtomically,
} from '../../lib/releases/releaseStore'
import { loadSigningKeys, signDetached } from '../../lib/signing'
import type { Release } from '../../payload-types'
import { changelogFor } from '../../services/releases/changelogFor'
import type { ToolkitModel } from '../../services/releases/loadToolkitModel'
import { runPreflight } from '../../services/releases/runPreflight'
import { RELEASE_SYSTEM_WRITE } from '../../services/writeContext'

/** A build that cannot go on, with the reason the publisher reads. */
class BuildFailure extends Error {}

type Models = Map<string, ToolkitModel>
type SigningKeys = ReturnType<typeof loadSigningKeys>
type PlannedOutput = ReturnType<typeof planManifests>[number]

/**
 * Freezes what the release uses, re-checks preflight, stores every asset by sha256, writes and
 * signs a manifest per audience × locale into a private folder, moves the folder into place,
 * and only then flips the release to published in one write. Killed at any point, it leaves a
 * release that is still "building" and invisible to delivery apps; running it again finishes it.
 */
export const buildRelease: TaskHandler<'buildRelease'> = async ({ input, req }) => {
  const { payload } = req
  const release = await payload.findByID({
    collection: 'releases',
    id: input.releaseId,
    depth: 0,
    overrideAccess: true,
  })
  if (release.status !== 'building') return { output: { status: release.status } }
  // One build of a release runs at a time: private folders of this release are left by a build
  // whose worker stopped and handed the job back (see stopJobs).
  await removeInterruptedWrites(release.id, DEFAULT_STALE_AFTER_MS)
  const progress = startBuildProgress(payload, release.id)
  try {
    await progress.report('preflight')
    const { result, models, contributions } = await runPreflight(req, release)
    if (!result.ok)
      throw new BuildFailure(`Preflight failed: ${result.problems.map((p) => p.message).join(' ')}`)
    const { previous, frozen, generated } = await changelogFor(req, release, firstOf(models))
    const changelog = release.changelog?.length ? release.changelog.map((c) => c.line) : generated
    const publishedAt = new Date().toISOString()
    const keys = signingKeys()
    await packageReleaseHlsFor(release, models)
    const drafts = planManifests(release, models, {
      previous: previous?.version ?? null,
      publishedAt,
      changelog,
      credits: contributions.credits,
    })
    await storeAssets(progress, assetSources(drafts))
    const planned = await withPrintables(drafts, new Date(publishedAt))
    const outputs = await writeSignedOutputs(release, planned, keys, progress)
    await progress.report('publishing')
    await progress.stop()
    await payload.update({
      ...SYSTEM,
      collection: 'releases',
      id: release.id,
      data: {
        status: 'published',
        publishedAt,
        freeze: frozen,
        preflight: result,
        contributions,
        outputs,
        changelog: changelog.map((line) => ({ line })),
        build: progress.finished(),
      },
    })
    return { output: { status: 'published' } }
  } catch (error) {
    const reason =
      error instanceof BuildFailure ? error.message : `Build failed: ${(error as Error).message}`
    await progress.stop()
    await payload.update({
      ...SYSTEM,
      collection: 'releases',
      id: release.id,
      data: { status: 'failed', failureReason: reason },
    })
    return { output: { status: 'failed' } }
  } finally {
    await progress.stop()
  }
}

const SYSTEM = { overrideAccess: true, context: RELEASE_SYSTEM_WRITE } as const

const firstOf = (models: Models): ToolkitModel => models.values().next().value!

function signingKeys(): SigningKeys {
  try {
    return loadSigningKeys({ dataDir: dataDir() })
  } catch (error) {
    throw new BuildFailure(`Cannot sign the release: ${(error as Error).message}`)
  }
}

/** Each locale's clips get their HLS package for the release's accents. */
async function packageReleaseHlsFor(release: Release, models: Models) {
  const accentIds = (release.accents ?? []).map(idText)
  for (const [locale, model] of models) {
    const accentTags = model.accents.filter((a) => accentIds.includes(a.id)).map((a) => a.tag)
    await packageClipsHls(model, { accentTags, locale })
  }
}

/** One manifest per audience × locale the release chose, without its printable worksheets. */
function planManifests(
  release: Release,
  models: Models,
  about: { previous: string | null; publishedAt: string; changelog: string[]; credits: string[] },
) {
  const audienceIds = (release.audiences ?? []).map(idText)
  const accentIds = (release.accents ?? []).map(idText)
  return [...models].flatMap(([locale, model]) =>
    model.audiences
      .filter((a) => audienceIds.includes(a.id))
      .map((audience) => ({
        locale,
        audience,
        model,
        input: {
          toolkit: model.toolkit,
          release: { version: release.version, ...about },
          audience,
          locale,
          modules: model.modules,
          exercises: model.exercises,
          clips: model.clips,
          accents: accentIds.map((a) => model.accents.find((x) => x.id === a)!).filter(Boolean),
        },
      }))
      .map((draft) => ({ ...draft, manifest: buildManifest(draft.input) })),
  )
}

/**
 * Each output's printable worksheets, laid out from its manifest and stored as an asset, then
 * the manifest again with them listed. Dated with the release's publishing time, so a PDF's
 * bytes depend only on what it shows and when it was published.
 */
async function withPrintables(drafts: ReturnType<typeof planManifests>, createdAt: Date) {
  const planned = []
  for (const draft of drafts) {
    const bytes = await printablePdf(printableWorksheets(draft.manifest), { createdAt })
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    await storeAsset(sha256, { bytes })
    const printable = { sha256, bytes: bytes.length }
    planned.push({ ...draft, manifest: buildManifest({ ...draft.input, printable }) })
  }
  return planned
}

/** Where every asset the manifests name is stored now, by sha256. */
function assetSources(planned: PlannedOutput[]): Map<string, MediaKey> {
  const sources = new Map<string, string>()
  for (const { manifest, model } of planned) {
    for (const sha of Object.keys(manifest.assets)) {
      const file = model.files.get(sha)
      if (!file) throw new BuildFailure(`Build failed: asset ${sha} is not in storage.`)
      sources.set(sha, file)
    }
  }
  return sources
}

async function storeAssets(progress: BuildProgressReporter, sources: Map<string, MediaKey>) {
  let stored = 0
  await progress.report('assets', 0, sources.size)
  for (const [sha, key] of sources) {
    await storeAsset(sha, { key })
    await progress.report('assets', ++stored, sources.size)
  }
}

/** Signs each manifest and writes it, its signature and its bundle, all moved into place at once. */
async function writeSignedOutputs(
  release: Release,
  planned: PlannedOutput[],
  keys: SigningKeys,
  progress: BuildProgressReporter,
): Promise<ReleaseOutput[]> {
  const outputs: ReleaseOutput[] = []
  const crcs = new Map<string, number>()
  await progress.report('bundles', 0, planned.length)
  await writeReleaseAtomically(release.id, async (dir) => {
    for (const { locale, audience, manifest } of planned) {
      const bytes = canonicalJsonBytes(manifest)
      const signature = signDetached(bytes, keys.active)
      const signatureJson = JSON.stringify(signature)
      await fs.writeFile(path.join(dir, manifestFileName(audience.slug, locale)), bytes)
      await fs.writeFile(path.join(dir, signatureFileName(audience.slug, locale)), signatureJson)
      const bundle = path.join(dir, bundleFileName(audience.slug, locale))
      await writeBundle({
        target: bundle,
        manifest: bytes,
        signature: signatureJson,
        assets: manifest.assets,
        crcs,
      })
      outputs.push({
        audience: audience.slug,
        locale,
        manifestSha256: createHash('sha256').update(bytes).digest('hex'),
        manifestBytes: bytes.length,
        keyId: signature.keyId,
        signature: signature.signature,
        assets: manifest.assets,
        assetBytes: Object.values(manifest.assets).reduce((sum, a) => sum + a.bytes, 0),
        bundleBytes: (await fs.stat(bundle)).size,
      })
      await progress.report('bundles', outputs.length, planned.length)
    }
  })
  return outputs
}

/** Replaces each clip's HLS playlist in the model with its release package (see releaseHls). */
async function packageClipsHls(
  model: ToolkitModel,
  choice: { accentTags: string[]; locale: string },
): Promise<void> {
  model.clips = await Promise.all(
    model.clips.map(async (clip) => {
      const masterKey = clip.hls && model.hlsMasters.get(clip.id)
      if (!clip.hls || !masterKey) return clip
      const packaged = await packageReleaseHls({ masterKey, ...choice })
      for (const [sha, key] of packaged.sources) model.files.set(sha, key)
      return { ...clip, hls: packaged.master, hlsFiles: packaged.files }
    }),
  )
}
