import { describe, expect, it } from 'vitest'

import { NO_REVIEW_MEDIA, type ReviewMedia } from '../../src/domain/scripts/reviewMedia'
import { type ReviewDocuments, toReviewView } from '../../src/domain/scripts/reviewView'
import type { Comment, Script } from '../../src/payload-types'

const oid = (n: number) => `665f1c2e9b3d4a0012ab${n.toString(16).padStart(4, '0')}`

const script = {
  id: oid(1),
  title: 'Missed appointment',
  clip: oid(2),
  characters: [{ name: 'Dean' }],
  scenes: [
    {
      heading: 'Office',
      lines: [
        { lineId: 'l1', speaker: 'Dean', text: 'I forgot the time.' },
        { lineId: 'l2', speaker: 'Dean', text: 'It will not happen again.' },
      ],
    },
  ],
} as unknown as Script

const docs = (
  comments: Partial<Comment>[] = [],
  media: ReviewMedia = NO_REVIEW_MEDIA,
): ReviewDocuments => ({
  script,
  comments: comments as Comment[],
  versions: [{ id: oid(9), updatedAt: '2026-11-30T10:00:00.000Z', status: 'inReview' }],
  // Payload's generated types are SQLite's (number ids); on MongoDB the same fields hold text.
  people: [
    { id: oid(3) as unknown as number, displayName: 'River', role: 'coProducer' },
    { id: oid(4) as unknown as number, displayName: 'Dana (Content designer)', role: 'designer' },
  ],
  clipTitle: 'Missed appointment',
  media,
  exercises: [],
})

const who = {
  context: {
    state: 'inReview' as const,
    reviewers: [oid(3), oid(4)],
    approvals: [
      { userId: oid(3), role: 'coProducer' as const, versionId: oid(9), contentHash: 'h', at: 'x' },
    ],
    versionId: oid(9),
    contentHash: 'h',
  },
  actor: {
    userId: oid(4),
    role: 'designer' as const,
    isAssignedCoProducer: false,
    isReviewer: true,
  },
  readabilityThreshold: 60,
}

describe('the review view of a script', () => {
  it('should name reviewers and approvers by display name, with MongoDB-shaped ids', () => {
    const view = toReviewView(docs(), who)
    expect(view.reviewers).toEqual([
      { id: oid(3), displayName: 'River', role: 'coProducer' },
      { id: oid(4), displayName: 'Dana (Content designer)', role: 'designer' },
    ])
    expect(view.approvals).toEqual([
      expect.objectContaining({ userId: oid(3), displayName: 'River', current: true }),
    ])
    expect(view.script).toMatchObject({ status: 'inReview', statusLabel: 'In review' })
  })

  it('should mark a comment whose line has changed since it was made', () => {
    const view = toReviewView(
      docs([
        { id: 1, lineId: 'l1', quotedText: 'I forgot the time.', body: 'ok', author: null },
        { id: 2, lineId: 'l2', quotedText: 'It won’t happen again.', body: 'tone', author: null },
      ]),
      who,
    )
    expect(view.comments.map((c) => [c.id, c.lineChanged, c.author])).toEqual([
      [1, false, 'Unknown'],
      [2, true, 'Unknown'],
    ])
  })

  it('should score every line for readability against the threshold', () => {
    const view = toReviewView(docs(), who)
    expect(view.readability.threshold).toBe(60)
    expect(view.readability.worksheet).toBeNull()
  })

  it('should time each line as the captions made from the script do, once the clip has a length', () => {
    const lines = (media?: ReviewMedia) =>
      toReviewView(docs([], media), who).script.scenes[0].lines.map((l) => l.timing)
    expect(lines()).toEqual([null, null])
    const media = { ...NO_REVIEW_MEDIA, durationMs: 10_000 }
    // "I forgot the time." is 18 characters, "It will not happen again." 25: 10 s split 18:25.
    expect(lines(media)).toEqual([
      { startMs: 0, endMs: 4186 },
      { startMs: 4186, endMs: 10_000 },
    ])
    expect(toReviewView(docs([], media), who).media).toBe(media)
  })
})
