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
