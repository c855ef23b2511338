import { describe, expect, it } from 'vitest'

import { computeDelta } from '../../src/domain/releases/delta'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)
const D = 'd'.repeat(64)
const E = 'e'.repeat(64)

describe('computeDelta', () => {
  it('should list what to add and drop, sorted by sha256, with byte totals', () => {
    const from = { [D]: { bytes: 400 }, [A]: { bytes: 100 }, [B]: { bytes: 200 } }
    const to = { [E]: { bytes: 500 }, [A]: { bytes: 100 }, [C]: { bytes: 300 } }
    expect(computeDelta(from, to)).toEqual({
      add: [
        { sha256: C, bytes: 300 },
        { sha256: E, bytes: 500 },
      ],
      drop: [
        { sha256: B, bytes: 200 },
        { sha256: D, bytes: 400 },
      ],
      addBytes: 800,
      dropBytes: 600,
    })
  })

  it('should be empty between identical asset tables', () => {
    const assets = { [A]: { bytes: 100 }, [B]: { bytes: 200 } }
    expect(computeDelta(assets, { ...assets })).toEqual({
      add: [],
      drop: [],
      addBytes: 0,
      dropBytes: 0,
    })
  })

  it('should add everything when starting from nothing', () => {
    expect(computeDelta({}, { [B]: { bytes: 2 }, [A]: { bytes: 1 } })).toEqual({
      add: [
        { sha256: A, bytes: 1 },
        { sha256: B, bytes: 2 },
      ],
      drop: [],
      addBytes: 3,
      dropBytes: 0,
    })
  })

  it('should drop everything when moving to nothing', () => {
    expect(computeDelta({ [A]: { bytes: 1 } }, {})).toEqual({
      add: [],
      drop: [{ sha256: A, bytes: 1 }],
      addBytes: 0,
      dropBytes: 1,
    })
  })

  it('should be the mirror image when the releases are swapped', () => {
    const from = { [A]: { bytes: 1 }, [B]: { bytes: 2 } }
    const to = { [B]: { bytes: 2 }, [C]: { bytes: 3 } }
    const forward = computeDelta(from, to)
    const back = computeDelta(to, from)
    expect(back).toEqual({
      add: forward.drop,
      drop: forward.add,
      addBytes: forward.dropBytes,
      dropBytes: forward.addBytes,
    })
  })

  it('should ignore extra fields of an asset, such as its MIME type', () => {
    const to = { [A]: { bytes: 10, mime: 'video/mp4' } }
    expect(computeDelta({}, to).add).toEqual([{ sha256: A, bytes: 10 }])
  })

  it('should keep a shared asset out of the delta however its size is recorded', () => {
    // The sha256 is the identity; a size mismatch is a bookkeeping error, not a reason to download.
    expect(computeDelta({ [A]: { bytes: 10 } }, { [A]: { bytes: 11 } })).toMatchObject({
      add: [],
      drop: [],
    })
  })

  it('should not mistake inherited object properties for assets', () => {
    expect(computeDelta({}, { toString: { bytes: 1 }, constructor: { bytes: 2 } })).toEqual({
      add: [
        { sha256: 'constructor', bytes: 2 },
        { sha256: 'toString', bytes: 1 },
      ],
      drop: [],
      addBytes: 3,
      dropBytes: 0,
    })
  })

  it('should sum large totals exactly', () => {
    const from = {}
    const to = { [A]: { bytes: 3_000_000_000 }, [B]: { bytes: 4_000_000_001 } }
    expect(computeDelta(from, to).addBytes).toBe(7_000_000_001)
  })
})
