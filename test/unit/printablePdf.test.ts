import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'

import {
  printableWorksheets,
  type PrintableContent,
} from '../../src/domain/print/printableWorksheets'
import { printablePdf } from '../../src/lib/print/printablePdf'
import { pdfPages } from '../helpers/pdfText'

const exercise = (
  slug: string,
  title: string,
  extra: Partial<PrintableContent['modules'][number]['exercises'][number]> = {},
) => ({
  slug,
  title,
  minutes: 15,
  worksheet: {
    intro: `About ${title}.`,
    questions: [
      { prompt: `What did you notice in ${title}?`, answerType: 'text' as const, options: [] },
      { prompt: 'How sure are you?', answerType: 'scale' as const, options: [] },
      { prompt: 'Which is closest?', answerType: 'choice' as const, options: ['Calm', 'Worried'] },
    ],
  },
  task: `Talk to someone you trust about ${title}.`,
  keyPoints: [`Notice the signs in ${title}.`, 'Take a breath.'],
  diaryPrompts: [`When did ${title} come to mind?`],
  clip: {
    slug,
    title,
    durationMs: 1000,
    poster: '',
    hls: '',
    offline: [],
    voiceTracks: [],
    captions: [],
  },
  ...extra,
})

const content = (locale: string): PrintableContent => ({
  toolkit: { slug: 'healthy-relationships', title: 'Healthy Relationships' },
  release: {
    version: '1.2.0',
    previous: null,
    publishedAt: '2026-12-01T10:00:00.000Z',
    changelog: [],
    credits: [],
  },
  audience: { slug: 'mainstream', label: 'Mainstream' },
  locale,
  modules: [
    {
      slug: 'foundation',
      title: 'Foundation',
      mandatory: true,
      exercises: [exercise('a', 'First meeting'), exercise('b', 'Goals')],
    },
    { slug: 'empty', title: 'Empty', mandatory: false, exercises: [] },
    {
      slug: 'emotions',
      title: 'Emotions',
      mandatory: false,
      exercises: [exercise('c', 'Naming feelings')],
    },
  ],
})

const createdAt = new Date('2026-12-01T10:00:00.000Z')

describe('printableWorksheets', () => {
  it('should give each exercise its worksheet, key points, task and diary, in order', () => {
    const doc = printableWorksheets(content('en-GB'))
    expect(doc.exercises.map((e) => e.title)).toEqual(['First meeting', 'Goals', 'Naming feelings'])
    expect(doc.exercises[0].kicker).toEqual([
      'Module: Foundation',
      'Foundation: always used',
      'About 15 minutes',
    ])
    expect(doc.exercises[2].kicker).toEqual(['Module: Emotions', 'About 15 minutes'])
    expect(doc.exercises[0].sections.map((s) => s.heading)).toEqual([
      'Worksheet',
      'Key points',
      'Try this before we meet again',
      'Diary',
    ])
    const kinds = doc.exercises[0].sections[0].blocks.map((b) => b.kind)
    expect(kinds).toEqual([
      'text',
      'question',
      'lines',
      'question',
      'hint',
      'scale',
      'question',
      'hint',
      'choices',
    ])
  })

  it('should leave out a section with nothing in it', () => {
    const bare = content('en-GB')
    bare.modules[0].exercises = [
      exercise('a', 'Bare', { keyPoints: [], task: ' ', diaryPrompts: [] }),
    ]
    expect(printableWorksheets(bare).exercises[0].sections.map((s) => s.heading)).toEqual([
      'Worksheet',
    ])
  })

  it('should speak Welsh for a Welsh release and English for any other locale', () => {
    expect(printableWorksheets(content('cy')).exercises[0].sections[0].heading).toBe('Taflen waith')
    expect(printableWorksheets(content('cy-GB')).cover.lines[0]).toBe(
      "Taflenni gwaith i'w hargraffu",
    )
    expect(printableWorksheets(content('fr')).cover.lines[0]).toBe('Worksheets to print')
  })
})

describe('printablePdf', () => {
  it('should print a cover, then each exercise from the top of a new page, with all its words', async () => {
    const pages = await pdfPages(
      await printablePdf(printableWorksheets(content('en-GB')), { createdAt }),
    )
    expect(pages[0]).toContain('Healthy Relationships')
    expect(pages[0]).toContain('Version 1.2.0')
    const titles = ['First meeting', 'Goals', 'Naming feelings']
    const starts = titles.map((title) =>
      pages.findIndex((page) => page.startsWith(`Module: `) && page.includes(title)),
    )
    expect(starts[0]).toBe(1)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    titles.forEach((title, i) => {
      const own = pages.slice(starts[i], starts[i + 1] ?? pages.length).join(' ')
      for (const words of [
        `What did you notice in ${title}?`,
        `Notice the signs in ${title}.`,
        `Talk to someone you trust about ${title}.`,
        `When did ${title} come to mind?`,
        'Circle one number.',
        'Worried',
      ])
        expect(own).toContain(words)
      // Nothing of another exercise on its pages.
      for (const other of titles.filter((t) => t !== title)) expect(own).not.toContain(other)
    })
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`))
  })

  it('should keep the Welsh letters, which the PDF standard fonts lack', async () => {
    const welsh = content('cy')
    welsh.modules[0].exercises = [exercise('a', 'Ŵyr a ŷd')]
    const pages = await pdfPages(await printablePdf(printableWorksheets(welsh), { createdAt }))
    expect(pages[1]).toContain('Ŵyr a ŷd')
    expect(pages[1]).toContain('Taflen waith')
    expect(pages[0]).toContain("Taflenni gwaith i'w hargraffu")
    expect(pages.at(-1)).toContain(`Tudalen ${pages.length} o ${pages.length}`)
  })

  it('should carry a long exercise onto more pages, and start the next one on a new page', async () => {
    const long = content('en-GB')
    const many = Array.from({ length: 12 }, (_, i) => ({
      prompt: `Question ${i + 1}?`,
      answerType: 'text' as const,
      options: [],
    }))
    long.modules[0].exercises = [
      exercise('a', 'Long one', { worksheet: { intro: 'Intro.', questions: many } }),
      exercise('b', 'Short one'),
    ]
    long.modules[2].exercises = []
    const pages = await pdfPages(await printablePdf(printableWorksheets(long), { createdAt }))
    expect(pages.length).toBeGreaterThan(3)
    const short = pages.findIndex((p) => p.includes('Short one'))
    expect(pages.slice(1, short).join(' ')).toContain('Question 12?')
    expect(pages[short]).not.toContain('Question')
  })

  it('should make the same bytes from the same document and date', async () => {
    const doc = printableWorksheets(content('en-GB'))
    const hash = async (at: Date) =>
      createHash('sha256')
        .update(await printablePdf(doc, { createdAt: at }))
        .digest('hex')
    expect(await hash(createdAt)).toBe(await hash(new Date(createdAt)))
    expect(await hash(createdAt)).not.toBe(await hash(new Date('2027-01-01T00:00:00Z')))
  })
})
