import { describe, expect, it } from 'vitest'

import {
  countSyllables,
  DEFAULT_THRESHOLD,
  scoreScript,
  scoreText,
} from '../../src/domain/readability/readability'
import { READING_BAND_LABELS, readingBand } from '../../src/domain/readability/readingBand'

const HARD =
  'The implementation of comprehensive rehabilitative interventions necessitates considerable interdisciplinary collaboration between probation practitioners and community organisations.'

describe('countSyllables', () => {
  it.each([
    ['cat', 1],
    ['table', 2],
    ['happy', 2],
    ['walked', 1],
    ['wanted', 2],
    ['beautiful', 3],
    ['probation', 3],
    ['relationship', 4],
    ['the', 1],
    ['I', 1],
    ['queue', 1],
    ['people', 2],
    // Documented choice: the silent-e rule makes r-coloured words like fire one syllable.
    ['fire', 1],
    ['make', 1],
    ['whole', 1],
    ['little', 2],
    ['makes', 1],
    ['goes', 1],
    ['wishes', 2],
    ['places', 2],
    ['changes', 2],
    ['tables', 2],
    ['needed', 2],
    ['played', 1],
    ['handled', 2],
    ['need', 1],
    ['yes', 1],
    ['you', 1],
    ['gym', 1],
    ['tries', 1],
    ['be', 1],
    ['appointment', 3],
    ['supervision', 4],
    ['officer', 3],
  ])('%s → %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected)
  })

  it('should ignore case', () => {
    expect(countSyllables('PROBATION')).toBe(3)
    expect(countSyllables('Happy')).toBe(2)
  })

  it('should drop apostrophes, straight or curly', () => {
    expect(countSyllables("don't")).toBe(1)
    expect(countSyllables('they’re')).toBe(1)
    expect(countSyllables("I'm")).toBe(1)
  })

  it('should count contractions as their base word, plus one for n’t after a consonant', () => {
    expect(countSyllables("couldn't")).toBe(2)
    expect(countSyllables('didn’t')).toBe(2)
    expect(countSyllables("isn't")).toBe(2)
    expect(countSyllables("can't")).toBe(1)
    expect(countSyllables("won't")).toBe(1)
    expect(countSyllables("aren't")).toBe(1)
    expect(countSyllables("you'll")).toBe(1)
    expect(countSyllables("we've")).toBe(1)
    expect(countSyllables("o'clock")).toBe(2)
  })

  it('should count one syllable per digit', () => {
    expect(countSyllables('7')).toBe(1)
    expect(countSyllables('2024')).toBe(4)
    expect(countSyllables('10am')).toBe(3)
  })

  it('should count the parts of hyphenated words', () => {
    expect(countSyllables('twenty-one')).toBe(3)
  })

  it('should count at least one syllable for any word, and none for no word', () => {
    expect(countSyllables('hmm')).toBe(1)
    expect(countSyllables('Mr')).toBe(1)
    expect(countSyllables('')).toBe(0)
    expect(countSyllables('...')).toBe(0)
  })

  it('should ignore accents', () => {
    expect(countSyllables('café')).toBe(countSyllables('cafe'))
  })
})

describe('scoreText', () => {
  it('should score very plain text above 100', () => {
    expect(scoreText('The cat sat on the mat.')).toEqual({
      words: 6,
      sentences: 1,
      syllables: 6,
      wordsPerSentence: 6,
      fleschReadingEase: 116.1,
    })
  })

  it('should score a long academic sentence below 30', () => {
    const score = scoreText(HARD)
    expect(score.sentences).toBe(1)
    expect(score.words).toBe(16)
    expect(score.fleschReadingEase).toBeLessThan(30)
  })

  it('should count words per sentence over several sentences', () => {
    const score = scoreText('I missed my bus. Sorry! Can we talk tomorrow?')
    expect(score.sentences).toBe(3)
    expect(score.words).toBe(9)
    expect(score.wordsPerSentence).toBe(3)
  })

  it('should round words per sentence to one decimal', () => {
    expect(scoreText('One two. Three four. Five six seven.').wordsPerSentence).toBe(2.3)
  })

  it('should treat a line end without punctuation as the end of a sentence', () => {
    expect(scoreText('I know\nI will be there\n').sentences).toBe(2)
    expect(scoreText('No full stop at the end').sentences).toBe(1)
  })

  it('should not count empty pieces between punctuation as sentences', () => {
    expect(scoreText('Wait... what?! Okay.').sentences).toBe(3)
    expect(scoreText('Hello!\n\n\nBye.').sentences).toBe(2)
  })

  it('should keep decimal numbers, dotted tokens and titles inside one sentence', () => {
    const score = scoreText('Dr. Shah said it takes 2.5 hours. Mrs. Jones agreed.')
    expect(score.sentences).toBe(2)
    expect(score.words).toBe(10)
    expect(scoreText('See cdm.org.uk for help.').sentences).toBe(1)
  })

  it('should return zeros and an easy score for empty text', () => {
    const empty = {
      words: 0,
      sentences: 0,
      syllables: 0,
      wordsPerSentence: 0,
      fleschReadingEase: 100,
    }
    expect(scoreText('')).toEqual(empty)
    expect(scoreText('   \n ')).toEqual(empty)
    expect(scoreText('?!...')).toEqual(empty)
  })

  it('should score longer sentences as harder than the same words split up', () => {
    const split = scoreText('I went to court. I saw my officer. We made a plan.')
    const joined = scoreText('I went to court, I saw my officer, we made a plan.')
    expect(joined.words).toBe(split.words)
    expect(joined.fleschReadingEase).toBeLessThan(split.fleschReadingEase)
  })
})

describe('scoreScript', () => {
  const lines = [
    { lineId: 'l1', text: 'The cat sat on the mat.' },
    { lineId: 'l2', text: HARD },
    { lineId: 'l3', text: '' },
    { lineId: 'l4', text: 'I feel ready now.' },
  ]

  it('should flag lines below the default threshold of 60', () => {
    expect(DEFAULT_THRESHOLD).toBe(60)
    const result = scoreScript(lines)
    expect(result.hardLineIds).toEqual(['l2'])
    expect(result.lines.map((l) => [l.lineId, l.isHard])).toEqual([
      ['l1', false],
      ['l2', true],
      ['l3', false],
      ['l4', false],
    ])
    expect(result.lines[0]).toEqual({ lineId: 'l1', isHard: false, ...scoreText(lines[0].text) })
  })

  it('should use a given threshold', () => {
    expect(scoreScript(lines, 120).hardLineIds).toEqual(['l1', 'l2', 'l4'])
    expect(scoreScript(lines, -1000).hardLineIds).toEqual([])
  })

  it('should not flag a line exactly at the threshold', () => {
    const score = scoreText('The cat sat on the mat.').fleschReadingEase
    expect(scoreScript([lines[0]], score).hardLineIds).toEqual([])
  })

  it('should pool the counts of all lines for the overall score', () => {
    const { overall } = scoreScript(lines)
    const parts = lines.map((l) => scoreText(l.text))
    expect(overall.words).toBe(parts.reduce((n, p) => n + p.words, 0))
    expect(overall.sentences).toBe(3)
    expect(overall.syllables).toBe(parts.reduce((n, p) => n + p.syllables, 0))
    expect(overall).toEqual(scoreText(lines.map((l) => l.text).join('\n')))
  })

  it('should handle a script with no lines', () => {
    expect(scoreScript([])).toEqual({
      lines: [],
      overall: {
        words: 0,
        sentences: 0,
        syllables: 0,
        wordsPerSentence: 0,
        fleschReadingEase: 100,
      },
      hardLineIds: [],
    })
  })
})

describe('readingBand', () => {
  it('should call text easy at the threshold, quite hard up to 30 below it, hard under that', () => {
    expect(readingBand({ fleschReadingEase: 104.5 }, 60)).toBe('easy')
    expect(readingBand({ fleschReadingEase: 60 }, 60)).toBe('easy')
    expect(readingBand({ fleschReadingEase: 59.9 }, 60)).toBe('quiteHard')
    expect(readingBand({ fleschReadingEase: 30 }, 60)).toBe('quiteHard')
    expect(readingBand({ fleschReadingEase: 29.9 }, 60)).toBe('hard')
    expect(readingBand({ fleschReadingEase: -40 }, 60)).toBe('hard')
    expect(readingBand({ fleschReadingEase: 75 }, 80)).toBe('quiteHard')
    expect(readingBand({ fleschReadingEase: 0, words: 0 }, 60)).toBe('easy')
    expect(READING_BAND_LABELS).toEqual({
      easy: 'Easy to read',
      quiteHard: 'Quite hard',
      hard: 'Hard',
    })
  })
})
