import { fill, printStringsFor } from './printStrings'
import type { Manifest } from '../manifest/types'

/**
 * The paper fallback of one release output: when the internet fails in a session, only paper is
 * left. A cover, then each exercise from the top of a new page (its worksheet, key points,
 * between-session task and diary prompts), in the output's language. Pure: the PDF renderer
 * only lays this out.
 */
export interface PrintableDocument {
  /** BCP 47, for the PDF's language. */
  language: string
  title: string
  cover: { heading: string; lines: string[] }
  exercises: PrintableExercise[]
  /** "Page {page} of {pages}" in the document's language. */
  pageNumber: string
}

export interface PrintableExercise {
  /** Above the title: the module, and whether it is the foundation. */
  kicker: string[]
  title: string
  sections: PrintableSection[]
}

export interface PrintableSection {
  heading: string
  blocks: PrintableBlock[]
}

export type PrintableBlock =
  | { kind: 'text'; text: string }
  | { kind: 'hint'; text: string }
  | { kind: 'question'; number: number; prompt: string }
  | { kind: 'bullets'; items: string[] }
  /** Ruled lines to write on. */
  | { kind: 'lines'; count: number }
  | { kind: 'scale'; from: number; to: number }
  | { kind: 'choices'; options: string[] }

export type PrintableContent = Pick<
  Manifest,
  'toolkit' | 'release' | 'audience' | 'locale' | 'modules'
>

/** Lines left for a written answer, and for a diary prompt. */
const ANSWER_LINES = 3
const DIARY_LINES = 3

export function printableWorksheets(content: PrintableContent): PrintableDocument {
  const t = printStringsFor(content.locale)
  const exercises = content.modules.flatMap((module) =>
    module.exercises.map((exercise): PrintableExercise => {
      const kicker = [fill(t.module, { module: module.title })]
      if (module.mandatory) kicker.push(t.foundation)
      if (exercise.minutes) kicker.push(fill(t.minutes, { minutes: exercise.minutes }))
      const worksheet: PrintableBlock[] = []
      if (exercise.worksheet.intro.trim())
        worksheet.push({ kind: 'text', text: exercise.worksheet.intro })
      exercise.worksheet.questions.forEach((question, i) => {
        worksheet.push({ kind: 'question', number: i + 1, prompt: question.prompt })
        if (question.answerType === 'scale') {
          worksheet.push({ kind: 'hint', text: t.scaleHint }, { kind: 'scale', from: 1, to: 5 })
        } else if (question.answerType === 'choice' && question.options.length > 0) {
          worksheet.push(
            { kind: 'hint', text: t.choiceHint },
            { kind: 'choices', options: question.options },
          )
        } else {
          worksheet.push({ kind: 'lines', count: ANSWER_LINES })
        }
      })
      const sections: PrintableSection[] = [
        { heading: t.worksheet, blocks: worksheet },
        {
          heading: t.summary,
          blocks: exercise.keyPoints.length ? [{ kind: 'bullets', items: exercise.keyPoints }] : [],
        },
        {
          heading: t.task,
          blocks: exercise.task.trim() ? [{ kind: 'text', text: exercise.task }] : [],
        },
        {
          heading: t.diary,
          blocks: exercise.diaryPrompts.length
            ? [
                { kind: 'hint', text: t.diaryNote },
                ...exercise.diaryPrompts.flatMap((prompt): PrintableBlock[] => [
                  { kind: 'text', text: prompt },
                  { kind: 'lines', count: DIARY_LINES },
                ]),
              ]
            : [],
        },
      ]
      return {
        kicker,
        title: exercise.title,
        sections: sections.filter((s) => s.blocks.length > 0),
      }
    }),
  )
  return {
    language: content.locale,
    title: fill(t.documentTitle, { toolkit: content.toolkit.title }),
    cover: {
      heading: content.toolkit.title,
      lines: [
        t.coverTitle,
        fill(t.coverFor, { audience: content.audience.label }),
        fill(t.coverVersion, { version: content.release.version }),
        t.coverUse,
      ],
    },
    exercises,
    pageNumber: t.pageNumber,
  }
}
