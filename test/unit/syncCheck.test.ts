import { describe, expect, it } from 'vitest'

import { checkSync, SYNC_TOLERANCE_MS } from '../../src/domain/media/syncCheck'

describe('checkSync', () => {
  it('should default to a 250 ms tolerance', () => {
    expect(SYNC_TOLERANCE_MS).toBe(250)
  })

  it('should return no results when there are no voices', () => {
    expect(checkSync({ animationMs: 3000, voices: [] })).toEqual([])
  })

  it('should count a voice exactly 250 ms longer than the animation as in sync', () => {
    expect(
      checkSync({ animationMs: 3000, voices: [{ accent: 'Scouse', durationMs: 3250 }] }),
    ).toEqual([
      {
        accent: 'Scouse',
        voiceMs: 3250,
        animationMs: 3000,
        differenceMs: 250,
        inSync: true,
        message: 'Scouse: in sync (voice 3.250 s, animation 3.000 s)',
      },
    ])
  })

  it('should count a voice 251 ms longer than the animation as out of sync', () => {
    expect(
      checkSync({ animationMs: 3000, voices: [{ accent: 'Scouse', durationMs: 3251 }] }),
    ).toEqual([
      {
        accent: 'Scouse',
        voiceMs: 3251,
        animationMs: 3000,
        differenceMs: 251,
        inSync: false,
        message:
          'Scouse: out of sync by 0.251 s: voice 3.251 s, animation 3.000 s (tolerance 250 ms)',
      },
    ])
  })

  it('should count a voice exactly 250 ms shorter than the animation as in sync', () => {
    const [result] = checkSync({
      animationMs: 3000,
      voices: [{ accent: 'Brummie', durationMs: 2750 }],
    })
    expect(result.differenceMs).toBe(-250)
    expect(result.inSync).toBe(true)
    expect(result.message).toBe('Brummie: in sync (voice 2.750 s, animation 3.000 s)')
  })

  it('should report a voice that is too short with a negative difference and a positive drift', () => {
    const [result] = checkSync({
      animationMs: 3000,
      voices: [{ accent: 'Brummie', durationMs: 2400 }],
    })
    expect(result.differenceMs).toBe(-600)
    expect(result.inSync).toBe(false)
    expect(result.message).toBe(
      'Brummie: out of sync by 0.600 s: voice 2.400 s, animation 3.000 s (tolerance 250 ms)',
    )
  })

  it('should describe a voice that runs long with both durations and the tolerance', () => {
    const [result] = checkSync({
      animationMs: 3000,
      voices: [{ accent: 'Geordie', durationMs: 3600 }],
    })
    expect(result.message).toBe(
      'Geordie: out of sync by 0.600 s: voice 3.600 s, animation 3.000 s (tolerance 250 ms)',
    )
  })

  it('should check every voice against the same animation, in order', () => {
    const results = checkSync({
      animationMs: 10_000,
      voices: [
        { accent: 'Geordie', durationMs: 10_100 },
        { accent: 'Scouse', durationMs: 9_000 },
        { accent: 'Cockney', durationMs: 10_000 },
      ],
    })
    expect(results.map((r) => [r.accent, r.differenceMs, r.inSync])).toEqual([
      ['Geordie', 100, true],
      ['Scouse', -1000, false],
      ['Cockney', 0, true],
    ])
  })

  it('should apply a custom tolerance and name it in the message', () => {
    const results = checkSync({
      animationMs: 3000,
      toleranceMs: 100,
      voices: [
        { accent: 'Geordie', durationMs: 3100 },
        { accent: 'Scouse', durationMs: 3101 },
      ],
    })
    expect(results.map((r) => r.inSync)).toEqual([true, false])
    expect(results[1].message).toBe(
      'Scouse: out of sync by 0.101 s: voice 3.101 s, animation 3.000 s (tolerance 100 ms)',
    )
  })

  it('should honour a zero tolerance rather than falling back to the default', () => {
    const results = checkSync({
      animationMs: 3000,
      toleranceMs: 0,
      voices: [
        { accent: 'Geordie', durationMs: 3000 },
        { accent: 'Scouse', durationMs: 3001 },
      ],
    })
    expect(results.map((r) => r.inSync)).toEqual([true, false])
    expect(results[1].message).toBe(
      'Scouse: out of sync by 0.001 s: voice 3.001 s, animation 3.000 s (tolerance 0 ms)',
    )
  })

  it('should allow a larger custom tolerance than the default', () => {
    const [result] = checkSync({
      animationMs: 3000,
      toleranceMs: 1000,
      voices: [{ accent: 'Geordie', durationMs: 3600 }],
    })
    expect(result.inSync).toBe(true)
    expect(result.message).toBe('Geordie: in sync (voice 3.600 s, animation 3.000 s)')
  })
})
