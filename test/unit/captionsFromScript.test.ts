import { describe, expect, it } from 'vitest'
import { WebVTTParser } from 'webvtt-parser'

import {
  captionsFromScript,
  formatTimestamp,
  MAX_CHARS_PER_LINE,
  MAX_LINES_PER_CUE,
  splitIntoCues,
} from '../../src/domain/captions/captionsFromScript'

const TIMING = /^(\d{2,}:\d{2}:\d{2}\.\d{3}) --> (\d{2,}:\d{2}:\d{2}\.\d{3})$/

interface ParsedCue {
  id: string
  start: string
  end: string
  lines: string[]
}

/** Splits our own output into cues; independent of webvtt-parser so both views can be checked. */
function readCues(vtt: string): ParsedCue[] {
  const blocks = vtt
    .replace(/\n$/, '')
    .split('\n\n')
    .slice(1)
    .filter((block) => block.trim() !== '')
  return blocks.map((block) => {
    const [id, timing, ...lines] = block.split('\n')
    const match = TIMING.exec(timing)
    if (!match) throw new Error(`bad timing line: ${timing}`)
    return { id, start: match[1], end: match[2], lines }
  })
}

/** What a viewer sees on one caption line: tags removed, entities decoded. */
const visible = (line: string) =>
  line
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

// webvtt-parser 2.2.0's default entity table has only the forms without ";" ("&amp"), so it
// decodes "&amp;" as "&;". Browsers decode it as "&"; give the parser the terminated forms too.
const ENTITIES = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&amp': '&',
  '&lt': '<',
  '&gt': '>',
} as const

const parseVtt = (vtt: string) => new WebVTTParser(ENTITIES).parse(vtt, 'subtitles')

const longSpeech =
  'I used to think that every time my probation officer asked me a question it was a trap, ' +
  'so I would say nothing at all and then get angry with myself on the bus home afterwards.'

describe('formatTimestamp', () => {
  it.each([
    [0, '00:00:00.000'],
    [1, '00:00:00.001'],
    [999, '00:00:00.999'],
    [1000, '00:00:01.000'],
    [61_001, '00:01:01.001'],
    [3_599_999, '00:59:59.999'],
    [3_600_000, '01:00:00.000'],
    [3_723_004, '01:02:03.004'],
    [36_000_000, '10:00:00.000'],
    [360_000_000, '100:00:00.000'],
  ])('should format %d ms as %s', (ms, expected) => {
    expect(formatTimestamp(ms)).toBe(expected)
  })

  it('should round fractional milliseconds', () => {
    expect(formatTimestamp(1499.4)).toBe('00:00:01.499')
    expect(formatTimestamp(999.6)).toBe('00:00:01.000')
  })

  it('should clamp negative times to zero', () => {
    expect(formatTimestamp(-250)).toBe('00:00:00.000')
  })
})

describe('splitIntoCues', () => {
  it('should put a short line into one cue of one row', () => {
    expect(splitIntoCues('Hello there.')).toEqual([['Hello there.']])
  })

  it('should return no cues for empty or blank text', () => {
    expect(splitIntoCues('')).toEqual([])
    expect(splitIntoCues('  \n\t ')).toEqual([])
  })

  it('should collapse whitespace between words', () => {
    expect(splitIntoCues('  one \n two\tthree  ')).toEqual([['one two three']])
  })

  it('should allow a row of exactly 42 characters', () => {
    const row = `${'a'.repeat(20)} ${'b'.repeat(21)}`
    expect(row).toHaveLength(42)
    expect(splitIntoCues(row)).toEqual([[row]])
  })

  it('should wrap before a word that would make the row 43 characters', () => {
    expect(splitIntoCues(`${'a'.repeat(20)} ${'b'.repeat(22)}`)).toEqual([
      ['a'.repeat(20), 'b'.repeat(22)],
    ])
  })

  it('should wrap greedily into rows of at most 42 characters and cues of at most 2 rows', () => {
    const cues = splitIntoCues(longSpeech)
    expect(cues).toEqual([
      ['I used to think that every time my', 'probation officer asked me a question it'],
      ['was a trap, so I would say nothing at all', 'and then get angry with myself on the bus'],
      ['home afterwards.'],
    ])
    for (const rows of cues) {
      expect(rows.length).toBeLessThanOrEqual(MAX_LINES_PER_CUE)
      for (const row of rows) expect(row.length).toBeLessThanOrEqual(MAX_CHARS_PER_LINE)
    }
    expect(cues.flat().join(' ')).toBe(longSpeech)
  })

  it('should split a word longer than 42 characters so no row exceeds the limit', () => {
    const cues = splitIntoCues('a ' + 'x'.repeat(50) + ' b')
    expect(cues).toEqual([['a', 'x'.repeat(42)], [`${'x'.repeat(8)} b`]])
    for (const row of cues.flat()) expect(row.length).toBeLessThanOrEqual(MAX_CHARS_PER_LINE)
  })

  it('should keep a word of exactly 42 characters whole', () => {
    expect(splitIntoCues('x'.repeat(42))).toEqual([['x'.repeat(42)]])
  })

  it('should split a word of 43 characters into 42 and 1', () => {
    expect(splitIntoCues('x'.repeat(43))).toEqual([['x'.repeat(42), 'x']])
  })

  it('should split a very long word into as many full rows as needed, in order', () => {
    const word = 'abcdefghij'.repeat(10)
    const cues = splitIntoCues(word)
    expect(cues).toEqual([[word.slice(0, 42), word.slice(42, 84)], [word.slice(84)]])
    expect(cues.flat().join('')).toBe(word)
  })

  it('should split a long link between ordinary words', () => {
    const link = `https://example.org/${'a'.repeat(40)}`
    expect(link).toHaveLength(60)
    expect(splitIntoCues(`Visit ${link} today`)).toEqual([
      ['Visit', link.slice(0, 42)],
      [`${link.slice(42)} today`],
    ])
  })

  it('should use the broadcast limits', () => {
    expect(MAX_CHARS_PER_LINE).toBe(42)
    expect(MAX_LINES_PER_CUE).toBe(2)
  })
})

describe('captionsFromScript', () => {
  it('should produce a complete WebVTT file for a short script', () => {
    const vtt = captionsFromScript({
      lines: [
        { speaker: 'Dean', text: 'Hi.' },
        { speaker: 'Mia', text: 'Hello.' },
      ],
      durationMs: 9000,
    })
    // weights 3 and 6 of 9: the first cue gets a third of the clip
    expect(vtt).toBe(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:00.000 --> 00:00:03.000',
        '<v Dean>Hi.',
        '',
        '2',
        '00:00:03.000 --> 00:00:09.000',
        '<v Mia>Hello.',
        '',
      ].join('\n'),
    )
  })

  it('should start with the WEBVTT signature followed by a blank line', () => {
    const vtt = captionsFromScript({ lines: [{ speaker: 'Dean', text: 'Hi.' }], durationMs: 1000 })
    expect(vtt.startsWith('WEBVTT\n\n')).toBe(true)
  })

  it('should produce an empty but valid file when there is nothing to say', () => {
    const vtt = captionsFromScript({ lines: [{ speaker: 'Dean', text: '   ' }], durationMs: 5000 })
    expect(vtt).toBe('WEBVTT\n')
    const parsed = parseVtt(vtt)
    expect(parsed.errors).toEqual([])
    expect(parsed.cues).toHaveLength(0)
  })

  it('should time cues contiguously from zero to exactly the clip duration', () => {
    const durationMs = 47_333
    const vtt = captionsFromScript({
      lines: [
        { speaker: 'Dean', text: longSpeech },
        { speaker: 'Mia', text: 'That sounds exhausting.' },
        { speaker: 'Dean', text: 'It was. Every single week.' },
      ],
      durationMs,
    })
    const cues = readCues(vtt)
    expect(cues).toHaveLength(5)
    expect(cues.map((cue) => cue.id)).toEqual(['1', '2', '3', '4', '5'])
    expect(cues[0].start).toBe('00:00:00.000')
    expect(cues[cues.length - 1].end).toBe('00:00:47.333')
    for (let i = 1; i < cues.length; i++) expect(cues[i].start).toBe(cues[i - 1].end)
    for (const cue of cues) expect(cue.end > cue.start).toBe(true)
  })

  it('should respect the line and row limits in every cue', () => {
    const vtt = captionsFromScript({
      lines: [
        { speaker: 'Dean', text: longSpeech },
        { speaker: 'Probation officer', text: `${longSpeech} ${longSpeech}` },
      ],
      durationMs: 120_000,
    })
    const cues = readCues(vtt)
    // 3 cues for the first line; the doubled speech wraps into 9 rows, so 5 cues
    expect(cues).toHaveLength(8)
    expect(cues.some((cue) => cue.lines.some((line) => visible(line).length === 42))).toBe(true)
    for (const cue of cues) {
      expect(cue.lines.length).toBeGreaterThanOrEqual(1)
      expect(cue.lines.length).toBeLessThanOrEqual(2)
      for (const line of cue.lines) expect(visible(line).length).toBeLessThanOrEqual(42)
    }
  })

  it('should tag the speaker on the first row of every cue of a long line', () => {
    const vtt = captionsFromScript({
      lines: [{ speaker: 'Dean', text: longSpeech }],
      durationMs: 30_000,
    })
    expect(readCues(vtt).map((cue) => cue.lines)).toEqual([
      ['<v Dean>I used to think that every time my', 'probation officer asked me a question it'],
      [
        '<v Dean>was a trap, so I would say nothing at all',
        'and then get angry with myself on the bus',
      ],
      ['<v Dean>home afterwards.'],
    ])
  })

  it('should leave out the voice tag when there is no speaker', () => {
    const vtt = captionsFromScript({
      lines: [
        { text: 'Narration one.' },
        { speaker: null, text: 'Narration two.' },
        { speaker: '', text: 'Narration three.' },
      ],
      durationMs: 3000,
    })
    expect(readCues(vtt).map((cue) => cue.lines)).toEqual([
      ['Narration one.'],
      ['Narration two.'],
      ['Narration three.'],
    ])
  })

  it('should escape markup characters in the text and the speaker', () => {
    const vtt = captionsFromScript({
      lines: [{ speaker: 'Dean & <Mia>', text: 'Fish & chips <3 -> later' }],
      durationMs: 2000,
    })
    expect(readCues(vtt)[0].lines).toEqual([
      '<v Dean &amp; &lt;Mia&gt;>Fish &amp; chips &lt;3 -&gt; later',
    ])
  })

  it('should collapse whitespace inside the speaker name', () => {
    const vtt = captionsFromScript({
      lines: [{ speaker: 'Probation\n  officer', text: 'Come in.' }],
      durationMs: 2000,
    })
    expect(readCues(vtt)[0].lines).toEqual(['<v Probation officer>Come in.'])
  })

  it('should format cue times past one hour', () => {
    const vtt = captionsFromScript({
      lines: [
        { speaker: 'Dean', text: 'abcd' },
        { speaker: 'Mia', text: 'efgh' },
      ],
      durationMs: 7_384_010,
    })
    expect(readCues(vtt).map((cue) => [cue.start, cue.end])).toEqual([
      ['00:00:00.000', '01:01:32.005'],
      ['01:01:32.005', '02:03:04.010'],
    ])
  })

  it('should parse with webvtt-parser without errors', () => {
    const durationMs = 95_500
    const vtt = captionsFromScript({
      lines: [
        { speaker: 'Dean', text: longSpeech },
        { speaker: 'Mia', text: 'Fish & chips <3 --> the usual?' },
        { speaker: null, text: 'A long pause.' },
        { speaker: 'Probation officer', text: 'Shall we start?' },
      ],
      durationMs,
    })
    const parsed = parseVtt(vtt)
    expect(parsed.errors).toEqual([])
    expect(parsed.cues).toHaveLength(6)
    expect(parsed.cues.map((cue) => cue.id)).toEqual(['1', '2', '3', '4', '5', '6'])
    expect(parsed.cues[0].startTime).toBe(0)
    expect(parsed.cues[5].endTime).toBe(95.5)
    for (let i = 1; i < parsed.cues.length; i++) {
      expect(parsed.cues[i].startTime).toBe(parsed.cues[i - 1].endTime)
    }
  })

  it('should give webvtt-parser a voice node with the speaker and unescaped text', () => {
    const vtt = captionsFromScript({
      lines: [{ speaker: 'Mia', text: 'Fish & chips <3' }],
      durationMs: 4000,
    })
    const parsed = parseVtt(vtt)
    expect(parsed.errors).toEqual([])
    expect(parsed.cues).toHaveLength(1)
    expect(parsed.cues[0].startTime).toBe(0)
    expect(parsed.cues[0].endTime).toBe(4)
    expect(parsed.cues[0].tree.children).toEqual([
      {
        type: 'object',
        name: 'v',
        classes: [],
        value: 'Mia',
        children: [{ type: 'text', value: 'Fish & chips <3' }],
      },
    ])
  })

  it('should keep every caption line within 42 characters when a word is longer', () => {
    const vtt = captionsFromScript({
      lines: [{ speaker: 'Dean', text: 'a ' + 'x'.repeat(50) + ' b' }],
      durationMs: 6000,
    })
    expect(readCues(vtt).map((cue) => cue.lines)).toEqual([
      ['<v Dean>a', 'x'.repeat(42)],
      [`<v Dean>${'x'.repeat(8)} b`],
    ])
    for (const cue of readCues(vtt)) {
      for (const line of cue.lines) expect(visible(line).length).toBeLessThanOrEqual(42)
    }
  })

  it('should give webvtt-parser valid VTT for a script with a word longer than 42 characters', () => {
    const vtt = captionsFromScript({
      lines: [
        { speaker: 'Dean', text: 'a ' + 'x'.repeat(50) + ' b' },
        { speaker: 'Mia', text: `See https://example.org/${'a'.repeat(80)} now` },
      ],
      durationMs: 12_000,
    })
    const parsed = parseVtt(vtt)
    expect(parsed.errors).toEqual([])
    expect(parsed.cues.map((cue) => cue.id)).toEqual(['1', '2', '3', '4'])
    expect(parsed.cues[0].startTime).toBe(0)
    expect(parsed.cues[3].endTime).toBe(12)
    for (let i = 1; i < parsed.cues.length; i++) {
      expect(parsed.cues[i].startTime).toBe(parsed.cues[i - 1].endTime)
    }
    for (const cue of parsed.cues) {
      for (const line of cue.text.split('\n')) {
        expect(visible(line).length).toBeLessThanOrEqual(MAX_CHARS_PER_LINE)
      }
    }
  })

  it('should split a long word before escaping it, so entities are never cut', () => {
    const vtt = captionsFromScript({ lines: [{ text: '&'.repeat(50) }], durationMs: 1000 })
    expect(readCues(vtt).map((cue) => cue.lines)).toEqual([['&amp;'.repeat(42), '&amp;'.repeat(8)]])
    const parsed = parseVtt(vtt)
    expect(parsed.errors).toEqual([])
    expect(parsed.cues[0].tree.children).toEqual([
      { type: 'text', value: `${'&'.repeat(42)}\n${'&'.repeat(8)}` },
    ])
  })

  it('should parse a captions file longer than one hour without errors', () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      speaker: i % 2 === 0 ? 'Dean' : 'Mia',
      text: `This is line number ${i + 1} of a very long recorded session.`,
    }))
    const vtt = captionsFromScript({ lines, durationMs: 2 * 3_600_000 + 1 })
    const parsed = parseVtt(vtt)
    expect(parsed.errors).toEqual([])
    expect(parsed.cues).toHaveLength(40)
    expect(parsed.cues[39].endTime).toBeCloseTo(7200.001, 6)
  })
})
