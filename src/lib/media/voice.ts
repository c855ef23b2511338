import path from 'node:path'

import {
  loudnessMeasureCommand,
  normaliseVoiceCommand,
  parseLoudnessSummary,
  SPEECH_LOUDNESS,
  VOICE_AUDIO_KBPS,
} from '../../domain/media/audio'
import { contentKey } from '../../domain/media/contentKey'
import { probe, runFfmpeg } from '../ffmpeg'
import { buildDerived } from '../storage/derived'

export interface VoiceOutputs {
  key: string
  file: string
  durationMs: number
  inputLufs: number | null
  outputLufs: number | null
}

/** A voice track loudness-normalised for speech on phones, measured before and after. */
export async function normaliseVoice(input: {
  file: string
  sha256: string
  durationMs: number | null
}): Promise<VoiceOutputs> {
  const key = contentKey('voice', {
    source: input.sha256,
    loudness: SPEECH_LOUDNESS,
    kbps: VOICE_AUDIO_KBPS,
  })
  const { result } = await buildDerived(key, async (dir) => {
    const target = path.join(dir, 'voice.m4a')
    const before = parseLoudnessSummary(
      await runFfmpeg(loudnessMeasureCommand(input.file), { durationMs: input.durationMs }),
    )
    await runFfmpeg(normaliseVoiceCommand({ source: input.file, target }), {
      durationMs: input.durationMs,
    })
    const after = parseLoudnessSummary(await runFfmpeg(loudnessMeasureCommand(target)))
    const probed = await probe(target)
    return {
      durationMs: probed.durationMs ?? input.durationMs ?? 0,
      inputLufs: finiteOrNull(before?.integratedLufs),
      outputLufs: finiteOrNull(after?.integratedLufs),
    }
  })
  const measured = result as Omit<VoiceOutputs, 'key' | 'file'>
  return { key, file: 'voice.m4a', ...measured }
}

const finiteOrNull = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? value : null
