import { seconds } from '../format'
import type { ClipProcessing } from './clipProcessing'
import { median, ROUNDS, type WrapperVsRaw } from './wrapperVsRaw'

/** What the benchmark prints: the wrapper's overhead, then the cache effect. */
export function mediaBenchReport(rendition: WrapperVsRaw, processing: ClipProcessing): string {
  const { raw, wrapper, ratio } = rendition
  const { first, again, resaveMs, pendingAfterResave } = processing
  return [
    '',
    'bench/media (2 cores, bundled ffmpeg)',
    `720p rendition of a 60 s 1080p source, median of ${ROUNDS}:`,
    `  raw ffmpeg CLI   ${seconds(median(raw))}   (${raw.map(seconds).join(', ')})`,
    `  pipeline wrapper ${seconds(median(wrapper))}   (${wrapper.map(seconds).join(', ')})`,
    `  ratio wrapper/raw ${ratio.toFixed(3)}   (target ≤ 1.10)`,
    'clip processing, first vs again with unchanged media:',
    `  first  ${seconds(first.ms)}, ${first.ffmpegRuns} ffmpeg runs`,
    `  again  ${seconds(again.ms)}, ${again.ffmpegRuns} ffmpeg runs   (target 0)`,
    `  ratio again/first ${(again.ms / first.ms).toFixed(3)}`,
    `re-save with unchanged media: ${seconds(resaveMs)}, ${pendingAfterResave} jobs queued (target 0)`,
  ].join('\n')
}
