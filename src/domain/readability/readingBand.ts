/** Reading ease in words a co-producer can use; the Flesch numbers stay one click away. */
export type ReadingBand = 'easy' | 'quiteHard' | 'hard'

export const READING_BAND_LABELS: Record<ReadingBand, string> = {
  easy: 'Easy to read',
  quiteHard: 'Quite hard',
  hard: 'Hard',
}

/** How far below the threshold "quite hard" reaches: 30 points is two school years or more. */
export const QUITE_HARD_SPAN = 30

/**
 * The band of a Flesch reading ease score: easy at or above the studio's threshold (60, plain
 * English, by default), quite hard up to 30 points below it, hard under that. Text with no
 * words has nothing hard in it.
 */
export function readingBand(
  score: { fleschReadingEase: number; words?: number },
  threshold: number,
): ReadingBand {
  if (score.words === 0 || score.fleschReadingEase >= threshold) return 'easy'
  return score.fleschReadingEase >= threshold - QUITE_HARD_SPAN ? 'quiteHard' : 'hard'
}
