export interface ReadabilityScore {
  words: number
  sentences: number
  syllables: number
  /** Rounded to 1 decimal, for display; the Flesch score uses the exact ratio. */
  wordsPerSentence: number
  /** Rounded to 1 decimal. Not clamped: very plain text scores above 100. */
  fleschReadingEase: number
}

/**
 * Flesch reading ease of 60 is where "plain English" starts (roughly age 13-15 reading level).
 * Lines below it are flagged as hard going for readers with low literacy.
 */
export const DEFAULT_THRESHOLD = 60

const VOWELS = 'aeiouy'
const isVowel = (word: string, index: number) =>
  // 'y' opens a syllable only after the first letter: yes, you (consonant) vs happy, gym (vowel).
  VOWELS.includes(word[index]) && !(word[index] === 'y' && index === 0)

/** Syllables of one run of letters (a-z only), by counting vowel groups. */
function letterSyllables(word: string): number {
  if (word === '') return 0
  let w = word
  const consonantBefore = (suffixLength: number) => {
    const i = w.length - suffixLength - 1
    return i >= 0 && !isVowel(w, i)
  }

  if (w.length > 3 && w.endsWith('es')) {
    const stem = w.slice(0, -2)
    // -es is voiced after hissing sounds (wishes, boxes, places, changes) and in -les (tables);
    // elsewhere it is silent (makes, goes, times).
    const voiced = /(s|x|z|ch|sh|c|g)$/.test(stem) || (stem.endsWith('l') && consonantBefore(3))
    if (!voiced) w = stem
  } else if (w.length > 3 && w.endsWith('ed') && !'aeiou'.includes(w[w.length - 3])) {
    const stem = w.slice(0, -2)
    // -ed is its own syllable only after t or d (wanted, needed) and in -led (handled). After a
    // vowel it already shares a vowel group (died, need); 'y' counts as a consonant (played).
    const voiced = /[td]$/.test(stem) || (stem.endsWith('l') && consonantBefore(3))
    if (!voiced) w = stem
  } else if (w.length > 2 && w.endsWith('e') && !(w.endsWith('le') && consonantBefore(2))) {
    // Silent final e (make, fire, the), but consonant+le is spoken (table, people, little).
    w = w.slice(0, -1)
  }

  let groups = 0
  for (let i = 0; i < w.length; i++) {
    if (isVowel(w, i) && (i === 0 || !isVowel(w, i - 1))) groups++
  }
  return Math.max(1, groups)
}

/**
 * Heuristic English syllable count, good enough for Flesch scores (not for poetry):
 * vowel groups, with silent final e (but consonant+le counts), silent -es/-ed except after
 * hissing sounds / t and d, and y as a vowel except as the first letter. At least 1 per word.
 *
 * Choices: contractions count as their base word, plus one for n't after a consonant
 * (don't = 1, didn't = 2, they're = 1); other apostrophes are dropped (o'clock = 2). Each digit
 * counts as one syllable (7 = 1, 2024 = 4): spoken numbers vary too much to guess, and a long
 * number is hard to read whatever its length aloud. Hyphenated words count their parts
 * (twenty-one = 3). "fire", "hour" and similar r-coloured words count as 1. Accents are ignored
 * (café = 2). An empty string is 0.
 */
export function countSyllables(word: string): number {
  let plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'")
  let extra = 0
  // Contractions are spoken as their base word; n't adds a syllable only after a consonant
  // (did-n't, is-n't) but not after a vowel (don't, can't, aren't).
  const negated = /^(.*[a-z])n't$/.exec(plain)
  if (negated) {
    plain = negated[1]
    extra = /[aeiou]$/.test(plain) ? 0 : 1
  } else {
    plain = plain.replace(/'(s|m|d|ll|re|ve)$/, '')
  }
  let total = extra
  for (const part of plain.replace(/'/g, '').match(/[a-z]+|[0-9]/g) ?? []) {
    total += /[0-9]/.test(part) ? 1 : letterSyllables(part)
  }
  return total
}

// Common titles whose full stop does not end a sentence ("Dr. Shah will see you.").
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'mx'])

const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu

/** Splits on . ! ? and on line ends, keeping decimals, dotted tokens and titles intact. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '\n' || ch === '!' || ch === '?') {
      sentences.push(text.slice(start, i))
      start = i + 1
    } else if (ch === '.') {
      // A full stop with no space after it sits inside a token: 2.5, e.g, cdm.org.
      if (/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) continue
      const before = /([\p{L}]+)$/u.exec(text.slice(start, i))?.[1]?.toLowerCase()
      if (before && ABBREVIATIONS.has(before)) continue
      sentences.push(text.slice(start, i))
      start = i + 1
    }
  }
  sentences.push(text.slice(start))
  // "Wait..." or "?!" leave empty pieces; only pieces with words are sentences.
  return sentences.filter((s) => wordsOf(s).length > 0)
}

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? []
}

const round1 = (n: number) => Math.round(n * 10) / 10

function scoreFromCounts(words: number, sentences: number, syllables: number): ReadabilityScore {
  if (words === 0 || sentences === 0) {
    // Nothing to read is not hard to read.
    return { words: 0, sentences: 0, syllables: 0, wordsPerSentence: 0, fleschReadingEase: 100 }
  }
  const wordsPerSentence = words / sentences
  return {
    words,
    sentences,
    syllables,
    wordsPerSentence: round1(wordsPerSentence),
    fleschReadingEase: round1(206.835 - 1.015 * wordsPerSentence - 84.6 * (syllables / words)),
  }
}

/** Flesch reading ease: 206.835 − 1.015 × words/sentence − 84.6 × syllables/word. */
export function scoreText(text: string): ReadabilityScore {
  let words = 0
  let syllables = 0
  const sentences = sentencesOf(text)
  for (const sentence of sentences) {
    for (const word of wordsOf(sentence)) {
      words++
      syllables += countSyllables(word)
    }
  }
  return scoreFromCounts(words, sentences.length, syllables)
}

/**
 * Scores each line and the script as a whole. The overall score pools the counts of all lines
 * (each line ends its sentence), so it is not an average of line scores. Lines with no words
 * are never hard. One-word lines swing widely ("Probation." scores below 0), which is intended:
 * a long word said alone is still a hard word.
 */
export function scoreScript(
  lines: { lineId: string; text: string }[],
  threshold: number = DEFAULT_THRESHOLD,
): {
  lines: (ReadabilityScore & { lineId: string; isHard: boolean })[]
  overall: ReadabilityScore
  hardLineIds: string[]
} {
  const scored = lines.map((line) => {
    const score = scoreText(line.text)
    return {
      lineId: line.lineId,
      ...score,
      isHard: score.words > 0 && score.fleschReadingEase < threshold,
    }
  })
  const total = (key: 'words' | 'sentences' | 'syllables') =>
    scored.reduce((sum, line) => sum + line[key], 0)
  return {
    lines: scored,
    overall: scoreFromCounts(total('words'), total('sentences'), total('syllables')),
    hardLineIds: scored.filter((line) => line.isHard).map((line) => line.lineId),
  }
}
