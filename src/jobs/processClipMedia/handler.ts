import type { PayloadRequest, TaskHandler } from 'payload'

import { describeCaptionErrors, loadMedia, probeChecked } from './mediaInputs'
import { storageFaultBehind, waitForStorage } from './waitForStorage'
import { validateVtt } from '../../domain/captions/validateVtt'
import { checkSync } from '../../domain/media/syncCheck'
import { idOf } from '../../domain/refs'
import { localeLabel } from '../../domain/vocabulary'
import { ffmpegRunCount, MediaToolError } from '../../lib/ffmpeg'
import { atStepBoundary } from '../../lib/jobs/runningJobs'
import { renderAnimation } from '../../lib/media/animation'
import { type AccentVoice, muxOfflineAccent, packageHls } from '../../lib/media/package'
import { normaliseVoice } from '../../lib/media/voice'
import { mediaStore } from '../../lib/storage/store'
import type { Accent, Clip, ClipProcessingDetails } from '../../payload-types'
import {
  clipIdFromInput,
  InputProblem,
  isTransient,
  markProcessing,
} from '../../services/media/processingStatus'

/** What every step of one clip's job shares: where to report, and where it may be handed back. */
interface JobRun {
  req: PayloadRequest
  clip: Clip
  mark: ReturnType<typeof markProcessing>
  progress: (done: number) => Promise<void>
  /** A point between steps where a stopping worker may hand the job back (see atStepBoundary). */
  step: () => Promise<void>
  ffmpegRuns: () => number
}

type Rendered = Awaited<ReturnType<typeof renderAnimation>>
type CaptionCheck = ReturnType<typeof validateVtt> & { locale: string; captionId: number | string }
type PackagedCaption = Parameters<typeof packageHls>[0]['captions'][number]

/**
 * Everything a clip needs to play, in steps: render the animation, normalise each voice, check
 * the captions, package offline files and HLS, record the result. Each step's output is stored
 * under its content key, so a rerun after a crash or a stop skips what was finished.
 */
export const processClipMedia: TaskHandler<'processClipMedia'> = async ({ input, req, job }) => {
  const runsBefore = ffmpegRunCount()
  const clip = await req.payload.findByID({
    collection: 'clips',
    id: clipIdFromInput(req.payload, input),
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!clip) return { output: { status: 'gone', ffmpegRuns: 0 } }
  const mark = markProcessing(req.payload)
  const run: JobRun = {
    req,
    clip,
    mark,
    progress: progressWriter(req, mark, clip),
    step: () => atStepBoundary(job.id),
    ffmpegRuns: () => ffmpegRunCount() - runsBefore,
  }
  try {
    if (clip.animation == null) throw new InputProblem('No animation is attached yet.')
    await run.progress(0)
    const { rendered, durationMs } = await renderClipAnimation(run)
    const accents = await normaliseClipVoices(run)
    const { captions, captionChecks } = await checkClipCaptions(run, durationMs)
    const status = await packageAndRecord(run, {
      rendered,
      durationMs,
      accents,
      captions,
      captionChecks,
    })
    return { output: { status, ffmpegRuns: run.ffmpegRuns() } }
  } catch (error) {
    const status = await handleFailure(run, error, job.totalTried ?? 0)
    return { output: { status, ffmpegRuns: run.ffmpegRuns() } }
  }
}

/**
 * Progress is written in 5% steps: enough to watch, without a database write per frame. It is a
 * display: a write that fails (a busy database) is logged and the work goes on.
 */
function progressWriter(req: PayloadRequest, mark: JobRun['mark'], clip: Clip) {
  let shownPercent = -1
  return async (done: number) => {
    const percent = Math.round(done * 100)
    if (percent < shownPercent + 5 && percent !== 100 && shownPercent >= 0) return
    shownPercent = percent
    await mark
      .clip(clip.id, { status: 'processing', reason: null, progress: percent })
      .catch((error: unknown) =>
        req.payload.logger.warn({ err: error, clipId: clip.id }, 'Could not record progress'),
      )
  }
}

async function renderClipAnimation(run: JobRun) {
  if (run.clip.animation == null) throw new InputProblem('No animation is attached yet.')
  const animation = await loadMedia(run.req, 'animations', run.clip.animation)
  const animationProbe = await probeChecked(animation.key, 'animations', animation.label)
  await run.mark.media('animations', animation.id, {
    status: 'processing',
    sha256: animation.sha256,
    durationMs: animationProbe.durationMs,
  })
  const rendered = await mediaStore().withLocalFile(animation.key, (file) =>
    renderAnimation({
      file,
      sha256: animation.sha256,
      probe: animationProbe,
      onProgress: (f) => void run.progress(0.05 + f * 0.45),
    }),
  )
  await run.mark.media('animations', animation.id, {
    status: 'ready',
    details: { probe: animationProbe, ...rendered },
  })
  await run.step()
  return { rendered, durationMs: animationProbe.durationMs ?? 0 }
}

async function normaliseClipVoices(run: JobRun): Promise<AccentVoice[]> {
  const { req } = run
  const accents: AccentVoice[] = []
  const rows = run.clip.voiceTracks ?? []
  for (const [index, row] of rows.entries()) {
    const accent = await req.payload.findByID({
      collection: 'accents',
      // Required field: every voice-track row names its accent.
      id: idOf(row.accent)!,
      depth: 0,
      req,
      overrideAccess: true,
    })
    const voice = await loadMedia(req, 'voice-tracks', row.track)
    const voiceProbe = await probeChecked(voice.key, 'voice-tracks', voice.label)
    const normalised = await mediaStore().withLocalFile(voice.key, (file) =>
      normaliseVoice({ file, sha256: voice.sha256, durationMs: voiceProbe.durationMs }),
    )
    await run.mark.media('voice-tracks', voice.id, {
      status: 'ready',
      sha256: voice.sha256,
      durationMs: voiceProbe.durationMs,
      details: { probe: voiceProbe, normalised },
    })
    accents.push({
      accentLabel: labelOf(accent),
      accentTag: accent.tag,
      isDefault: index === 0,
      voice: normalised,
    })
    await run.progress(0.5 + ((index + 1) / Math.max(1, rows.length)) * 0.2)
    await run.step()
  }
  return accents
}

async function checkClipCaptions(run: JobRun, durationMs: number) {
  const captions: PackagedCaption[] = []
  const captionChecks: CaptionCheck[] = []
  for (const row of run.clip.captions ?? []) {
    const caption = await loadMedia(run.req, 'captions', row.track)
    const check = validateVtt({ bytes: await mediaStore().read(caption.key), durationMs })
    captionChecks.push({ locale: row.locale, captionId: caption.id, ...check })
    await run.mark.media('captions', caption.id, {
      status: check.errors.length ? 'failed' : 'ready',
      reason: check.errors.length ? describeCaptionErrors(check.errors) : null,
      sha256: caption.sha256,
      details: { errors: check.errors, warnings: check.warnings, cueCount: check.cueCount },
    })
    if (check.errors.length === 0) {
      captions.push({
        locale: row.locale,
        label: localeLabel(row.locale),
        key: caption.key,
        sha256: caption.sha256,
      })
    }
  }
  return { captions, captionChecks }
}

/** Packages what plays offline and over HLS, then records the clip ready or why it is not. */
async function packageAndRecord(
  run: JobRun,
  made: {
    rendered: Rendered
    durationMs: number
    accents: AccentVoice[]
    captions: PackagedCaption[]
    captionChecks: CaptionCheck[]
  },
): Promise<'ready' | 'failed'> {
  const { rendered, durationMs, accents, captions, captionChecks } = made
  const sync = checkSync({
    animationMs: durationMs,
    voices: accents.map((a) => ({ accent: a.accentLabel, durationMs: a.voice.durationMs })),
  })
  const offline = []
  for (const accent of accents)
    offline.push(await muxOfflineAccent({ animation: rendered, accent }))
  await run.step()
  await run.progress(0.85)
  const hls =
    accents.length > 0
      ? await packageHls({ animation: rendered, durationMs, accents, captions })
      : null
  const problems = [
    ...sync.filter((s) => !s.inSync).map((s) => s.message),
    ...captionChecks
      .filter((c) => c.errors.length)
      .map((c) => `Captions (${c.locale}): ${describeCaptionErrors(c.errors)}`),
    ...(accents.length === 0 ? ['No voice track is attached yet.'] : []),
  ]
  const details: ClipProcessingDetails = {
    poster: rendered.poster,
    renditions: rendered.renditions,
    offline,
    hls,
    sync,
    captions: captionChecks.map(({ locale, captionId, errors, warnings, cueCount }) => ({
      locale,
      captionId,
      errors,
      warnings,
      cueCount,
    })),
    ffmpegRuns: run.ffmpegRuns(),
  }
  await run.mark.clip(run.clip.id, {
    status: problems.length ? 'failed' : 'ready',
    reason: problems.length ? problems.join(' ') : null,
    progress: 100,
    durationMs,
    details,
  })
  return problems.length ? 'failed' : 'ready'
}

/**
 * A full or read-only disk waits for storage; a passing problem is retried (up to two more
 * tries); anything else fails the clip with the reason in words.
 */
async function handleFailure(run: JobRun, error: unknown, triedBefore: number) {
  const { req, clip, mark } = run
  // A worker that is stopping kills its encoders: the job is back in the queue, not failed.
  await run.step()
  const storageFault = error instanceof InputProblem ? null : await storageFaultBehind(error)
  if (storageFault) {
    await waitForStorage({
      req,
      clipId: clip.id,
      fault: storageFault,
      markClip: (patch) => mark.clip(clip.id, patch),
    })
    return 'waiting-for-storage'
  }
  if (isTransient(error) && triedBefore < 2) {
    await mark.clip(clip.id, {
      status: 'queued',
      reason: `Retrying after a temporary problem: ${(error as Error).message}`,
    })
    throw error
  }
  const reason =
    error instanceof InputProblem || error instanceof MediaToolError
      ? error.message
      : `Processing failed: ${(error as Error).message}`
  if (error instanceof InputProblem && error.media)
    await mark.media(error.media.collection, error.media.id, { status: 'failed', reason })
  await mark.clip(clip.id, { status: 'failed', reason, progress: null })
  req.payload.logger.warn({ msg: `Clip ${clip.id} media failed: ${reason}` })
  return 'failed'
}

const labelOf = (accent: Accent) => accent.label ?? accent.tag
