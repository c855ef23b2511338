import type { Exercise, Module } from '../../../src/domain/releases/model'

/** A mandatory foundation module and its first exercise, as release tests start from. */
export const foundation: Module = {
  id: '1',
  slug: 'foundation',
  title: 'Foundation',
  order: 1,
  mandatory: true,
  audiences: [],
}

export const exercise: Exercise = {
  id: '10',
  moduleId: '1',
  slug: 'first',
  title: 'First Meeting',
  order: 1,
  clipId: null,
  audiences: [],
  minutes: 10,
  worksheet: { intro: 'Think about it.', questions: [] },
  task: 'Notice one feeling.',
  keyPoints: [],
  diaryPrompts: [],
}
