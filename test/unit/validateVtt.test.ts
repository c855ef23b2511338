import { describe, expect, it } from 'vitest'

import {
  CAPTION_LIMITS,
  formatCueTime,
  validateVtt,
  type CaptionCheckResult,
} from '../../src/domain/captions/validateVtt'

/** A caption file from its lines, joined with "\n" so line numbers can be read off the array. */
const vtt = (...lines: string[]) => new TextEncoder().encode(lines.join('\n'))

const check = (bytes: Uint8Array, durationMs?: number | null) => validateVtt({ bytes, durationMs })

const clean = (result: CaptionCheckResult) => ({ errors: result.errors, warnings: result.warnings })

const HEADER = ['WEBVTT', '']

const VALID = [
  'WEBVTT', // 1
  '', // 2
  '1', // 3
  '00:00:01.000 --> 00:00:03.500', // 4
  "<v Dean>Hello, I'm Dean.", // 5
  '', // 6
  '2', // 7
  '00:00:04.000 --> 00:00:07.000', // 8
  'I meet my probation officer', // 9
  'every Tuesday.', // 10
  '', // 11
]

describe('formatCueTime', () => {
  it.each([
    [0, '00:00:00.000'],
    [4000, '00:00:04.000'],
    [65_400, '00:01:05.400'],
    [3_723_004, '01:02:03.004'],
    [1000.4, '00:00:01.000'],
    [-5, '00:00:00.000'],
  ])('should format %d ms as %s', (ms, expected) => {
    expect(formatCueTime(ms)).toBe(expected)
  })
})

describe('validateVtt: a well-formed file', () => {
  it('should report no errors or warnings and count the cues', () => {
    expect(check(vtt(...VALID), 7000)).toEqual({
      errors: [],
      warnings: [],
      cueCount: 2,
      lastCueEndMs: 7000,
    })
  })

  it('should accept a UTF-8 byte order mark', () => {
    const body = vtt(...VALID)
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...body])
    expect(check(withBom)).toEqual({ errors: [], warnings: [], cueCount: 2, lastCueEndMs: 7000 })
  })

  it('should count Windows line endings as one line each', () => {
    const bytes = new TextEncoder().encode(
      [
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.000',
        '',
        '00:00:03.000 --> 00:00:04.000',
        'A & B',
      ].join('\r\n'),
    )
    expect(check(bytes).errors).toEqual([
      { line: 3, message: 'cue at 00:00:01.000 has no text' },
      { line: 6, message: 'write "&" as "&amp;", "<" as "&lt;" and ">" as "&gt;"' },
    ])
  })

  it('should take the last end time from the cue that ends last, not the one that starts last', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:09.000',
        'Long',
        '',
        '00:00:02.000 --> 00:00:03.000',
        'Short',
      ),
    )
    expect(result.lastCueEndMs).toBe(9000)
  })

  it('should report no cues and no last end time for a header-only file', () => {
    expect(check(vtt('WEBVTT', ''))).toEqual({
      errors: [],
      warnings: [],
      cueCount: 0,
      lastCueEndMs: null,
    })
  })

  it('should validate a file of 5,000 cues', () => {
    const lines = [...HEADER]
    for (let i = 0; i < 5000; i++) {
      lines.push(
        `${formatCueTime(i * 2000)} --> ${formatCueTime(i * 2000 + 1500)}`,
        `Line ${i}`,
        '',
      )
    }
    const result = check(vtt(...lines), 10_000_000)
    expect(clean(result)).toEqual({ errors: [], warnings: [] })
    expect(result.cueCount).toBe(5000)
    expect(result.lastCueEndMs).toBe(4999 * 2000 + 1500)
  })
})

describe('validateVtt: encoding', () => {
  it('should reject a zero-byte file as empty', () => {
    expect(check(new Uint8Array())).toEqual({
      errors: [
        {
          line: 1,
          message: 'the file is empty; a caption file starts with "WEBVTT" followed by its cues',
        },
      ],
      warnings: [],
      cueCount: 0,
      lastCueEndMs: null,
    })
  })

  it('should reject a file holding only a byte order mark and blank lines as empty', () => {
    const result = check(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x0a]))
    expect(result.errors).toEqual([
      {
        line: 1,
        message: 'the file is empty; a caption file starts with "WEBVTT" followed by its cues',
      },
    ])
  })

  it('should name the line and byte of Latin-1 text that is not UTF-8', () => {
    // "caf" then 0xE9 (Latin-1 "é") on line 3: 7 + 1 + 3 bytes come before it.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('WEBVTT\n\ncaf'),
      0xe9,
      ...new TextEncoder().encode('\n'),
    ])
    expect(check(bytes)).toEqual({
      errors: [
        {
          line: 3,
          message: 'the file is not UTF-8 text (byte 0xE9 at offset 11); save it as UTF-8',
        },
      ],
      warnings: [],
      cueCount: 0,
      lastCueEndMs: null,
    })
  })

  it('should find the bad byte further down, past valid multi-byte characters', () => {
    const head = new TextEncoder().encode('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCroeso 👋\n')
    const bytes = new Uint8Array([...head, ...new TextEncoder().encode('Caf'), 0xe9, 0x0a])
    expect(check(bytes).errors).toEqual([
      {
        line: 5,
        message: `the file is not UTF-8 text (byte 0xE9 at offset ${head.length + 3}); save it as UTF-8`,
      },
    ])
  })

  it.each([
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('should count %s line breaks once when locating a bad byte', (_name, newline) => {
    const head = new TextEncoder().encode(`WEBVTT${newline}${newline}caf`)
    const bytes = new Uint8Array([...head, 0xe9])
    expect(check(bytes).errors).toEqual([
      {
        line: 3,
        message: `the file is not UTF-8 text (byte 0xE9 at offset ${head.length}); save it as UTF-8`,
      },
    ])
  })

  it('should reject an encoded surrogate, which TextDecoder refuses', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('WEBVTT\n'), 0xed, 0xa0, 0x80])
    expect(check(bytes).errors).toEqual([
      { line: 2, message: 'the file is not UTF-8 text (byte 0xED at offset 7); save it as UTF-8' },
    ])
  })

  it.each([
    ['little-endian', [0xff, 0xfe, 0x57, 0x00, 0x45, 0x00]],
    ['big-endian', [0xfe, 0xff, 0x00, 0x57, 0x00, 0x45]],
    ['little-endian without a byte order mark', [0x57, 0x00, 0x45, 0x00, 0x42, 0x00, 0x56, 0x00]],
  ])('should ask for UTF-8 when the file is UTF-16 %s', (_name, bytes) => {
    expect(check(new Uint8Array(bytes)).errors).toEqual([
      { line: 1, message: 'the file is UTF-16; save it as UTF-8' },
    ])
  })

  it('should reject a file with NUL bytes as not WebVTT', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('WEBVTT\n\n'), 0x00, 0x41])
    expect(check(bytes).errors).toEqual([{ line: 1, message: 'not a WebVTT text file' }])
  })

  it('should reject binary content such as a PNG image as not WebVTT', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x01, 0x02, 0x03, 0x04, 0x05]
    expect(check(new Uint8Array(png)).errors).toEqual([
      { line: 1, message: 'not a WebVTT text file' },
    ])
  })
})

describe('validateVtt: structure reported by webvtt-parser', () => {
  it('should require the "WEBVTT" line first', () => {
    const result = check(vtt('', '00:00:01.000 --> 00:00:02.000', 'Hello', ''))
    expect(result.errors).toEqual([
      { line: 1, message: 'the file must start with "WEBVTT" on its first line' },
      { line: 2, message: 'the "WEBVTT" line must be followed by an empty line' },
    ])
  })

  it('should require "WEBVTT" in capitals', () => {
    const result = check(vtt('webvtt', '', '00:00:01.000 --> 00:00:02.000', 'Hello'))
    expect(result.errors).toEqual([
      { line: 1, message: 'the file must start with "WEBVTT" on its first line' },
    ])
    expect(result.cueCount).toBe(1)
  })

  it('should reject a comma before the milliseconds (SubRip style) on the timing line', () => {
    const result = check(vtt(...HEADER, '1', '00:00:01,000 --> 00:00:02,000', 'Hello', ''))
    expect(result.errors).toEqual([
      {
        line: 4,
        message: 'the milliseconds must come after a full stop, not a comma: write 00:00:01.000',
      },
    ])
    // The parser drops a cue whose timing it cannot read.
    expect(result.cueCount).toBe(0)
  })

  it('should reject a malformed time such as "1:2:3"', () => {
    const result = check(vtt(...HEADER, '1:2:3 --> 00:00:02.000', 'Hello', ''))
    expect(result.errors).toEqual([
      { line: 3, message: 'minutes and seconds need exactly two digits each, like 00:00:01.000' },
    ])
  })

  it('should reject a cue that ends before it starts', () => {
    const result = check(vtt(...HEADER, 'Hello', '00:00:05.000 --> 00:00:02.000', 'Hi there', ''))
    expect(result.errors).toEqual([
      {
        line: 4,
        message: 'cue ends before it starts: the second time must be later than the first',
      },
    ])
    expect(result.warnings).toEqual([])
  })

  it('should report a mistyped arrow and the text stranded under it', () => {
    const result = check(vtt(...HEADER, '00:00:01.000 -> 00:00:02.000', 'Hello', ''))
    expect(result.errors).toEqual([
      {
        line: 3,
        message:
          'this looks like a timing line but is not written correctly; write it like "00:00:01.000 --> 00:00:03.000"',
      },
      {
        line: 4,
        message:
          'this line is not part of any cue: a cue is a timing line like "00:00:01.000 --> 00:00:03.000" followed by its text, with no empty line in between',
      },
    ])
  })

  it('should point at text cut off from its cue by an empty line, not at the line after it', () => {
    const result = check(
      vtt(...HEADER, '00:00:01.000 --> 00:00:04.000', 'Hello', '', 'and welcome', ''),
    )
    expect(result.errors).toEqual([
      {
        line: 6,
        message:
          'this line is not part of any cue: a cue is a timing line like "00:00:01.000 --> 00:00:03.000" followed by its text, with no empty line in between',
      },
    ])
  })

  it('should report a missing empty line between cues at the second timing line', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:02.000',
        'One',
        '00:00:03.000 --> 00:00:04.000',
        'Two',
      ),
    )
    expect(result.errors).toEqual([{ line: 5, message: 'put an empty line before this cue' }])
    expect(result.cueCount).toBe(2)
  })

  it('should report cues out of time order', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:05.000 --> 00:00:06.000',
        'B',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'A',
      ),
    )
    expect(result.errors).toEqual([
      { line: 6, message: 'this cue starts before the cue above it; put the cues in time order' },
    ])
  })

  it('should place cue problems on their own timing line when cues are out of order', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:05.000 --> 00:00:06.000',
        'Later',
        '',
        '00:00:01.000 --> 00:00:02.000',
        '',
      ),
    )
    expect(result.errors).toEqual([
      { line: 6, message: 'this cue starts before the cue above it; put the cues in time order' },
      { line: 6, message: 'cue at 00:00:01.000 has no text' },
    ])
  })

  it('should report a bare "&" on the text line where it is, not after the cue', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:04.000',
        'Fish',
        '& chips',
        '',
        '00:00:05.000 --> 00:00:06.000',
        'Hi',
      ),
    )
    expect(result.errors).toEqual([
      { line: 5, message: 'write "&" as "&amp;", "<" as "&lt;" and ">" as "&gt;"' },
    ])
  })

  it('should report cue-text problems of the last cue inside the file even without a final newline', () => {
    const result = check(vtt(...HEADER, '00:00:01.000 --> 00:00:04.000', '<i>Hello'))
    expect(result.errors).toEqual([
      { line: 4, message: 'a tag is not closed; for example <i> needs </i>' },
    ])
  })

  it('should keep the order of problems in a cue that also lacks the empty line before the next', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:03.000',
        '<v>Hi',
        'x & y',
        '00:00:04.000 --> 00:00:05,000',
        'Bye',
      ),
    )
    expect(result.errors).toEqual([
      { line: 4, message: "<v> needs the speaker's name, like <v Dean>" },
      { line: 5, message: 'write "&" as "&amp;", "<" as "&lt;" and ">" as "&gt;"' },
      { line: 6, message: 'put an empty line before this cue' },
      {
        line: 6,
        message: 'the milliseconds must come after a full stop, not a comma: write 00:00:01.000',
      },
    ])
  })

  it('should report a STYLE block after the cues at its first line', () => {
    const result = check(
      vtt(...HEADER, '00:00:01.000 --> 00:00:02.000', 'A', '', 'STYLE', '::cue { color: red }'),
    )
    expect(result.errors).toEqual([
      { line: 6, message: 'STYLE blocks must come before the first cue' },
    ])
  })
})

describe('validateVtt: cue checks', () => {
  it('should reject a cue with no text', () => {
    const result = check(
      vtt(...HEADER, '00:00:04.000 --> 00:00:05.000', '', '00:00:06.000 --> 00:00:07.000', 'Hi'),
    )
    expect(result.errors).toEqual([{ line: 3, message: 'cue at 00:00:04.000 has no text' }])
  })

  it('should reject a cue whose text is only tags and spaces', () => {
    const result = check(
      vtt(...HEADER, '00:00:04.000 --> 00:00:05.000', '<v Dean> </v>', '<i></i>'),
    )
    expect(result.errors).toEqual([{ line: 3, message: 'cue at 00:00:04.000 has no text' }])
  })

  it('should reject a cue that ends after the clip', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:01:00.000 --> 00:01:05.400',
        'Fits',
        '',
        '00:01:06.000 --> 00:01:12.000',
        'Too late',
      ),
      65_400,
    )
    expect(result.errors).toEqual([
      { line: 6, message: "cue ends at 00:01:12.000, after the clip's end 00:01:05.400" },
    ])
  })

  it.each([undefined, null])(
    'should skip the clip-end check when the duration is %s',
    (durationMs) => {
      const result = check(vtt(...HEADER, '00:01:06.000 --> 00:01:12.000', 'Late'), durationMs)
      expect(clean(result)).toEqual({ errors: [], warnings: [] })
    },
  )

  it('should warn when a cue starts before the previous one ends', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:06.000',
        'First',
        '',
        '00:00:05.000 --> 00:00:08.000',
        'Second',
      ),
    )
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([
      {
        line: 6,
        message:
          'cue at 00:00:05.000 starts before the previous cue ends at 00:00:06.000; two captions will show at once',
      },
    ])
  })

  it('should not warn when a cue starts exactly as the previous one ends', () => {
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:05.000',
        'First',
        '',
        '00:00:05.000 --> 00:00:08.000',
        'Second',
      ),
    )
    expect(result.warnings).toEqual([])
  })

  it('should warn about a cue with three lines of text', () => {
    const result = check(vtt(...HEADER, '00:00:01.000 --> 00:00:05.000', 'One', 'Two', 'Three'))
    expect(result.warnings).toEqual([
      {
        line: 3,
        message: `cue at 00:00:01.000 has 3 lines of text (limit ${CAPTION_LIMITS.maxLinesPerCue}); split it into more cues`,
      },
    ])
  })

  it('should warn about a 43-character line on that line', () => {
    const line43 = 'a'.repeat(43)
    const result = check(vtt(...HEADER, '00:00:01.000 --> 00:00:06.000', 'Short', line43))
    expect(result.warnings).toEqual([
      {
        line: 5,
        message: 'line has 43 characters (limit 42); shorten it or split it over two lines',
      },
    ])
  })

  it('should not count a voice tag, other tags or entities towards a 42-character line', () => {
    const line = (letters: number) =>
      `<v Speaker>${'b'.repeat(letters)}&nbsp;${'b'.repeat(19)}</v> <i>&amp;</i>&lt;`
    const timing = '00:00:01.000 --> 00:00:06.000'
    expect(clean(check(vtt(...HEADER, timing, line(19))))).toEqual({ errors: [], warnings: [] })
    expect(check(vtt(...HEADER, timing, line(20))).warnings).toEqual([
      {
        line: 4,
        message: 'line has 43 characters (limit 42); shorten it or split it over two lines',
      },
    ])
  })

  it('should count an emoji as one character', () => {
    const result = check(vtt(...HEADER, '00:00:01.000 --> 00:00:06.000', `${'c'.repeat(41)}👍`))
    expect(result.warnings).toEqual([])
  })

  it('should warn when the text is too fast to read', () => {
    // 44 visible characters (the two lines joined by a space) over 2 seconds.
    const result = check(
      vtt(
        ...HEADER,
        '00:00:01.000 --> 00:00:03.000',
        '<v Dean>I went to see her',
        'on Tuesday after work, OK?',
      ),
    )
    expect(result.warnings).toEqual([
      {
        line: 3,
        message:
          'reading speed 22.0 characters per second (limit 17): lengthen the cue or shorten the text',
      },
    ])
  })

  it('should not warn at exactly 17 characters per second', () => {
    const result = check(vtt(...HEADER, '00:00:01.000 --> 00:00:02.000', 'x'.repeat(17)))
    expect(result.warnings).toEqual([])
  })
})

describe('validateVtt: line numbers', () => {
  it('should count NOTE blocks, cue identifiers and extra blank lines', () => {
    const result = check(
      vtt(
        'WEBVTT - Probation induction', // 1
        '', // 2
        'NOTE Checked by Mia.', // 3
        'Timings follow the final edit', // 4
        '', // 5
        '', // 6
        'intro', // 7
        '00:00:01.000 --> 00:00:02.000', // 8
        '', // 9
        'NOTE', // 10
        'The next cue is long on purpose', // 11
        '', // 12
        '', // 13
        '', // 14
        'wide-line', // 15
        '00:00:03.000 --> 00:00:08.000', // 16
        'Short', // 17
        'This line runs on for far too long to read!', // 18
        '', // 19
        '00:00:09.000 --> 00:00:10.000 align:start', // 20
        '<c.yellow>Fast</c> text that nobody can read', // 21
        '', // 22
      ),
      9500,
    )
    expect(result).toEqual({
      errors: [
        { line: 8, message: 'cue at 00:00:01.000 has no text' },
        { line: 20, message: "cue ends at 00:00:10.000, after the clip's end 00:00:09.500" },
      ],
      warnings: [
        {
          line: 18,
          message: 'line has 43 characters (limit 42); shorten it or split it over two lines',
        },
        {
          line: 20,
          message:
            'reading speed 30.0 characters per second (limit 17): lengthen the cue or shorten the text',
        },
      ],
      cueCount: 3,
      lastCueEndMs: 10_000,
    })
  })
})
