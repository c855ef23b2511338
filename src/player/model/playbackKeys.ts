/** Keyboard shortcuts on the clip player, besides its buttons (which work with Tab and Enter). */
export type PlaybackAction = 'toggle-play' | 'rewind' | 'toggle-captions'

export function playbackActionFor(key: string): PlaybackAction | null {
  switch (key.toLowerCase()) {
    case 'k':
      return 'toggle-play'
    case 'j':
    case 'arrowleft':
      return 'rewind'
    case 'c':
      return 'toggle-captions'
    default:
      return null
  }
}

/** The hls.js level a low-data device plays: the tallest at or under 360 lines, else the smallest. */
export function lowDataLevel(levels: readonly { height?: number; bitrate?: number }[]): number {
  let best = -1
  let smallest = -1
  levels.forEach((level, i) => {
    const height = level.height ?? 0
    if (smallest < 0 || height < (levels[smallest].height ?? 0)) smallest = i
    if (height <= 360 && (best < 0 || height > (levels[best].height ?? 0))) best = i
  })
  return best >= 0 ? best : smallest
}
