export const SYNC_TOLERANCE_MS = 250

export interface SyncResult {
  accent: string
  voiceMs: number
  animationMs: number
  differenceMs: number
  inSync: boolean
  message: string
}

/**
 * Speech that drifts from the animation distracted participants in the field study; a voice
 * track more than 250 ms longer or shorter than the animation is flagged with both durations.
 */
export function checkSync(input: {
  animationMs: number
  voices: { accent: string; durationMs: number }[]
  toleranceMs?: number
}): SyncResult[] {
  const tolerance = input.toleranceMs ?? SYNC_TOLERANCE_MS
  return input.voices.map((voice) => {
    const differenceMs = voice.durationMs - input.animationMs
    const inSync = Math.abs(differenceMs) <= tolerance
    const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`
    return {
      accent: voice.accent,
      voiceMs: voice.durationMs,
      animationMs: input.animationMs,
      differenceMs,
      inSync,
      message: inSync
        ? `${voice.accent}: in sync (voice ${seconds(voice.durationMs)}, animation ${seconds(input.animationMs)})`
        : `${voice.accent}: out of sync by ${seconds(Math.abs(differenceMs))}: voice ${seconds(voice.durationMs)}, animation ${seconds(input.animationMs)} (tolerance ${tolerance} ms)`,
    }
  })
}
