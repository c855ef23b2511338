import { describe, expect, it } from 'vitest'

import {
  buildPercent,
  describeBuildProgress,
  isBuildStalled,
  type BuildProgress,
} from '../../src/domain/releases/buildProgress'

const at = (iso: string): BuildProgress => ({
  phase: 'assets',
  done: 3,
  total: 12,
  startedAt: '2026-11-27T10:00:00.000Z',
  heartbeatAt: iso,
})
const now = new Date('2026-11-27T10:05:00.000Z')

describe('isBuildStalled', () => {
  it('should call a build stalled once its heartbeat is older than the limit', () => {
    const release = { status: 'building', build: at('2026-11-27T10:02:59.000Z'), updatedAt: '' }
    expect(isBuildStalled(release, now, 120_000)).toBe(true)
    expect(isBuildStalled(release, now, 125_000)).toBe(false)
  })

  it('should use the time the release was queued before the first heartbeat', () => {
    const queued = { status: 'building', build: null, updatedAt: '2026-11-27T10:04:30.000Z' }
    expect(isBuildStalled(queued, now, 60_000)).toBe(false)
    expect(isBuildStalled(queued, now, 10_000)).toBe(true)
  })

  it('should never call a release that is not building stalled', () => {
    for (const status of ['draft', 'published', 'failed', 'withdrawn'])
      expect(isBuildStalled({ status, build: null, updatedAt: '2000-01-01' }, now, 1)).toBe(false)
  })

  it('should treat an unreadable time as stalled rather than wait for ever', () => {
    expect(isBuildStalled({ status: 'building', build: null, updatedAt: 'never' }, now, 1)).toBe(
      true,
    )
  })
})

describe('build progress for people', () => {
  it('should say the phase and the count', () => {
    expect(describeBuildProgress(at(''))).toBe('Storing media files (3 of 12)')
    expect(describeBuildProgress({ ...at(''), phase: 'publishing', total: 0 })).toBe('Publishing')
    expect(describeBuildProgress(null)).toBe('Waiting for a worker to start the build')
  })

  it('should move the bar forward through the phases and end at 100', () => {
    const steps: BuildProgress[] = [
      { ...at(''), phase: 'preflight', done: 0, total: 0 },
      { ...at(''), phase: 'assets', done: 0, total: 10 },
      { ...at(''), phase: 'assets', done: 10, total: 10 },
      { ...at(''), phase: 'bundles', done: 2, total: 4 },
      { ...at(''), phase: 'publishing', done: 0, total: 0 },
      { ...at(''), phase: 'done', done: 0, total: 0 },
    ]
    const percents = steps.map(buildPercent)
    expect(percents).toEqual([...percents].sort((a, b) => a - b))
    expect(percents.at(-1)).toBe(100)
    expect(buildPercent(null)).toBe(0)
  })
})
