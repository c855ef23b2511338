import { describe, expect, it } from 'vitest'

import { summariseOutputs, type ReleaseOutput } from '../../src/domain/releases/summary'

const output = (
  audience: string,
  assets: Record<string, number>,
  locale = 'en-GB',
): ReleaseOutput => ({
  audience,
  locale,
  manifestSha256: 'm',
  manifestBytes: 100,
  keyId: 'k',
  signature: 's',
  assets: Object.fromEntries(
    Object.entries(assets).map(([sha, bytes]) => [sha, { bytes, mime: 'video/mp4' }]),
  ),
  assetBytes: Object.values(assets).reduce((a, b) => a + b, 0),
  bundleBytes: 1000,
})

describe('summariseOutputs', () => {
  it('should give sizes and the delta from every earlier release, newest first', () => {
    const v1 = { version: '1.0.0', outputs: [output('mainstream', { a: 10, b: 20, c: 30 })] }
    const v11 = { version: '1.1.0', outputs: [output('mainstream', { a: 10, b: 20, d: 40 })] }
    const v2 = { version: '2.0.0', outputs: [output('mainstream', { a: 10, e: 5 })] }
    const [summary] = summariseOutputs(v2, [v1, v11])
    expect(summary).toMatchObject({ assetCount: 2, assetBytes: 15, bundleBytes: 1000 })
    expect(summary.deltas).toEqual([
      { from: '1.1.0', addCount: 1, addBytes: 5, dropCount: 2, dropBytes: 60 },
      { from: '1.0.0', addCount: 1, addBytes: 5, dropCount: 2, dropBytes: 50 },
    ])
  })

  it('should ignore later releases and outputs for other audiences or locales', () => {
    const current = { version: '1.1.0', outputs: [output('female', { a: 1 })] }
    const summary = summariseOutputs(current, [
      {
        version: '1.0.0',
        outputs: [output('mainstream', { a: 1 }), output('female', { a: 1 }, 'cy')],
      },
      { version: '1.2.0', outputs: [output('female', { b: 2 })] },
    ])
    expect(summary[0].deltas).toEqual([])
  })

  it('should report a release with nothing changed as a zero-byte update', () => {
    const assets = { a: 10, b: 20 }
    const [summary] = summariseOutputs({ version: '1.0.1', outputs: [output('m', assets)] }, [
      { version: '1.0.0', outputs: [output('m', assets)] },
    ])
    expect(summary.deltas[0]).toMatchObject({ addCount: 0, addBytes: 0, dropCount: 0 })
  })
})
