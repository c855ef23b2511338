import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { buildDerived } from '../../../src/lib/storage/derived'
import { derivedDir, derivedRoot } from '../helpers/localStore'

const freshKey = () => randomBytes(32).toString('hex')

describe('two builds of the same derived key at once', () => {
  it('should keep the first finished result in place for whoever is reading it', async () => {
    const key = freshKey()
    let releaseSlow = () => undefined as void
    const slowMayFinish = new Promise<void>((resolve) => (releaseSlow = resolve))
    const slow = buildDerived(key, async (dir) => {
      fs.writeFileSync(path.join(dir, 'out.bin'), 'slow')
      await slowMayFinish
      return { by: 'slow' }
    })
    const fast = await buildDerived(key, async (dir) => {
      fs.writeFileSync(path.join(dir, 'out.bin'), 'fast')
      return { by: 'fast' }
    })
    expect(fast).toMatchObject({ cached: false, result: { by: 'fast' } })
    // A reader (another job, a release build) holds the finished file while the slow one ends.
    const file = path.join(derivedDir(key), 'out.bin')
    const inode = fs.statSync(file).ino
    releaseSlow()
    const second = await slow
    expect(second).toMatchObject({ cached: true, result: { by: 'fast' } })
    expect(fs.readFileSync(file, 'utf8')).toBe('fast')
    expect(fs.statSync(file).ino).toBe(inode)
    expect(fs.readdirSync(derivedRoot()).filter((n) => n.includes('.tmp-'))).toEqual([])
  })

  it('should replace a folder an older version left without its completion marker', async () => {
    const key = freshKey()
    fs.mkdirSync(derivedDir(key), { recursive: true })
    fs.writeFileSync(path.join(derivedDir(key), 'half.bin'), 'partial')
    const built = await buildDerived(key, async (dir) => {
      fs.writeFileSync(path.join(dir, 'out.bin'), 'whole')
      return null
    })
    expect(built.cached).toBe(false)
    expect(fs.readdirSync(derivedDir(key)).sort()).toEqual(
      ['.complete', 'out.bin', 'result.json'].sort(),
    )
  })
})
