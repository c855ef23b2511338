import fs from 'node:fs/promises'
import path from 'node:path'
import type { PayloadRequest, TaskHandler } from 'payload'

import { validateVtt } from '../../domain/captions/validateVtt'
import { checkProbedStreams } from '../../domain/media/uploadRules'
import { checkSync } from '../../domain/media/syncCheck'
import { mediaDir } from '../../lib/config/paths'
import { ffmpegRunCount, MediaToolError, probe, type ProbeResult } from '../../lib/ffmpeg'
import { renderAnimation } from '../../lib/media/animation'
import { muxOfflineAccent, packageHls, type AccentVoice } from '../../lib/media/package'
import { normaliseVoice } from '../../lib/media/voice'
import { sha256File } from '../../lib/storage/derived'
import type { Accent, Clip } from '../../payload-types'
import { atStepBoundary } from '../../lib/jobs/runningJobs'
import {
  clipIdFromInput,
  InputProblem,
  isTransient,
  markProcessing,
} from '../../services/media/processingStatus'
import { idOf } from '../../domain/refs'
import { storageFaultBehind, waitForStorage } from './waitForStorage'
import { localeLabel } from '../../domain/vocabulary'

export const processClipMedia: TaskHandler<'processClipMedia'> = async ({ input, req, job }) => {
  const runsBefore = ffmpegRunCount()
  const clipId = clipIdFromInput(req.payload, input)
  const mark = markProcessing(req.payload)
  const clip = await req.payload.findByID({
    collection: 'clips',
    id: clipId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!clip) return { output: { status: 'gone', ffmpegRuns: 0 } }
  let shownPercent = -1
  // Progress is written in 5% steps: enough to watch, without a database write per frame. It
  // is a display: a write that fails (a busy database) is logged and the work goes on.
  const progress = async (done: number) => {
    const percent = Math.round(done * 100)
    if (percent < shownPercent + 5 && percent !== 100 && shownPercent >= 0) return
    shownPercent = percent
    await mark
      .clip(clip.id, { status: 'processing', reason: null, progress: percent })
      .catch((error: unknown) =>
        req.payload.logger.warn({ err: error, clipId: clip.id }, 'Could not record progress'),
      )
  }
  // Between steps a stopping worker may hand the job back: what is done is stored by content key.
  const step = () => atStepBoundary(job.id)

  try {
    if (clip.animation == null) throw new InputProblem('No animation is attached yet.')
    await progress(0)
    const animation = await loadMedia(req, 'animations', clip.animation)
    const animationProbe = await probeChecked(animation.file, 'animations', animation.label)
    await mark.media('animations', animation.id, {
      status: 'processing',
      sha256: animation.sha256,
      durationMs: animationProbe.durationMs,
    })
    const rendered = await renderAnimation({
      file: animation.file,
      sha256: animation.sha256,
      probe: animationProbe,
      onProgress: (f) => void progress(0.05 + f * 0.45),
    })
    await mark.media('animations', animation.id, {
      status: 'ready',
      details: { probe: animationProbe, ...rendered },
    })
    await step()
    const durationMs = animationProbe.durationMs ?? 0

    const accents: AccentVoice[] = []
    const rows = clip.voiceTracks ?? []
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
      const voiceProbe = await probeChecked(voice.file, 'voice-tracks', voice.label)
      const normalised = await normaliseVoice({
        file: voice.file,
        sha256: voice.sha256,
        durationMs: voiceProbe.durationMs,
      })
      await mark.media('voice-tracks', voice.id, {
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
      await progress(0.5 + ((index + 1) / Math.max(1, rows.length)) * 0.2)
      await step()
    }

    const captions = []
    const captionChecks = []
    for (const row of clip.captions ?? []) {
      const caption = await loadMedia(req, 'captions', row.track)
      const check = validateVtt({ bytes: await fs.readFile(caption.file), durationMs })
      captionChecks.push({ locale: row.locale, captionId: caption.id, ...check })
      await mark.media('captions', caption.id, {
        status: check.errors.length ? 'failed' : 'ready',
        reason: check.errors.length ? describeCaptionErrors(check.errors) : null,
        sha256: caption.sha256,
        details: { errors: check.errors, warnings: check.warnings, cueCount: check.cueCount },
      })
      if (check.errors.length === 0) {
        captions.push({
          locale: row.locale,
          label: localeLabel(row.locale),
          file: caption.file,
          sha256: caption.sha256,
        })
      }
    }

    const sync = checkSync({
      animationMs: durationMs,
      voices: accents.map((a) => ({ accent: a.accentLabel, durationMs: a.voice.durationMs })),
    })
    const offline = []
    for (const accent of accents)
      offline.push(await muxOfflineAccent({ animation: rendered, accent }))
    await step()
    await progress(0.85)
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
    await mark.clip(clip.id, {
      status: problems.length ? 'failed' : 'ready',
      reason: problems.length ? problems.join(' ') : null,
      progress: 100,
      durationMs,
      details: {
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
        ffmpegRuns: ffmpegRunCount() - runsBefore,
      },
    })
    return {
      output: {
        status: problems.length ? 'failed' : 'ready',
        ffmpegRuns: ffmpegRunCount() - runsBefore,
      },
    }
  } catch (error) {
    // A worker that is stopping kills its encoders: the job is back in the queue, not failed.
    await step()
    const storageFault = error instanceof InputProblem ? null : await storageFaultBehind(error)
    if (storageFault) {
      await waitForStorage({
        req,
        clipId: clip.id,
        fault: storageFault,
        markClip: (patch) => mark.clip(clip.id, patch),
      })
      return {
        output: { status: 'waiting-for-storage', ffmpegRuns: ffmpegRunCount() - runsBefore },
      }
    }
    if (isTransient(error) && (job.totalTried ?? 0) < 2) {
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
    return { output: { status: 'failed', ffmpegRuns: ffmpegRunCount() - runsBefore } }
  }
}

type Ref = Clip['animation']
type MediaCollection = 'animations' | 'voice-tracks' | 'captions'

const labelOf = (accent: Accent) => accent.label ?? accent.tag

async function loadMedia(
  req: PayloadRequest,
  collection: MediaCollection,
  ref: Ref | number | unknown,
) {
  const id = idOf(ref)
  const doc =
    id == null
      ? null
      : await req.payload.findByID({
          collection,
          id,
          depth: 0,
          req,
          overrideAccess: true,
          disableErrors: true,
        })
  if (!doc?.filename)
    throw new InputProblem(`The ${collection.replace('-', ' ')} file ${id ?? ''} is missing.`)
  const file = path.join(mediaDir(collection), doc.filename)
  try {
    const sha256 = await sha256File(file)
    return { id: doc.id, file, sha256, label: `"${doc.filename}"` }
  } catch {
    throw new InputProblem(`The file "${doc.filename}" is missing from storage; upload it again.`, {
      collection,
      id: doc.id,
    })
  }
}

async function probeChecked(
  file: string,
  collection: 'animations' | 'voice-tracks',
  label: string,
): Promise<ProbeResult> {
  let result: ProbeResult
  try {
    result = await probe(file)
  } catch (error) {
    throw new InputProblem(`${label} cannot be read: ${(error as Error).message}`)
  }
  const problem = checkProbedStreams({
    collection,
    streams: result.streams,
    durationMs: result.durationMs,
  })
  if (problem) throw new InputProblem(`${label}: ${problem}`)
  return result
}

function describeCaptionErrors(errors: { line: number; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => `line ${e.line}: ${e.message}`)
  return shown.join('; ') + (errors.length > 3 ? ` (and ${errors.length - 3} more)` : '')
}
