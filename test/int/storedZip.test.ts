import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { readZip } from './helpers/zip'
import {
  bytesCrc32,
  type OpenSource,
  sourceCrc32,
  writeStoredZip,
} from '../../src/lib/releases/storedZip'

const fromFile =
  (file: string): OpenSource =>
  async (chunkBytes) =>
    fs.createReadStream(file, { highWaterMark: chunkBytes })

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-zip-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const files = [randomBytes(200_000), randomBytes(0), Buffer.from('WEBVTT\n\nHello\n')].map(
  (bytes, index) => {
    const file = path.join(dir, `asset-${index}`)
    fs.writeFileSync(file, bytes)
    return { file, bytes }
  },
)

describe('stored zips for release bundles', () => {
  for (const forceZip64 of [false, true]) {
    it(`should write a zip that readers accept, byte for byte${forceZip64 ? ' (ZIP64)' : ''}`, async () => {
      const target = path.join(dir, `bundle-${forceZip64}.zip`)
      const manifest = Buffer.from('{"schema":"cdm-manifest/1"}')
      await writeStoredZip(
        target,
        [
          {
            name: 'manifest.json',
            source: { bytes: manifest },
            size: manifest.length,
            crc32: bytesCrc32(manifest),
          },
          ...(await Promise.all(
            files.map(async ({ file, bytes }, index) => ({
              name: `assets/${index}`,
              source: { open: fromFile(file) },
              size: bytes.length,
              crc32: await sourceCrc32(fromFile(file), bytes.length),
            })),
          )),
        ],
        { mtime: new Date('2020-01-01T00:00:00Z'), forceZip64 },
      )
      const entries = await readZip(target)
      expect([...entries.keys()]).toEqual(['manifest.json', 'assets/0', 'assets/1', 'assets/2'])
      expect(entries.get('manifest.json')).toEqual(manifest)
      files.forEach(({ bytes }, index) => expect(entries.get(`assets/${index}`)).toEqual(bytes))
      const unzip = spawnSync('unzip', ['-t', target], { encoding: 'utf8' })
      if (!unzip.error) expect(unzip.stdout).toContain('No errors detected')
    })
  }

  it('should refuse a file whose size is not the one given, and leave no zip behind', async () => {
    const target = path.join(dir, 'wrong.zip')
    await expect(
      writeStoredZip(
        target,
        [{ name: 'a', source: { open: fromFile(files[0].file) }, size: 10, crc32: 0 }],
        {
          mtime: new Date(),
        },
      ),
    ).rejects.toThrow('200000 bytes, not the 10 expected')
    expect(fs.existsSync(target)).toBe(false)
  })

  it('should give the same bytes for the same input, for rebuilds', async () => {
    const write = async (name: string) => {
      const target = path.join(dir, name)
      await writeStoredZip(
        target,
        [
          {
            name: 'x',
            source: { open: fromFile(files[2].file) },
            size: files[2].bytes.length,
            crc32: await sourceCrc32(fromFile(files[2].file), files[2].bytes.length),
          },
        ],
        { mtime: new Date('2020-01-01T00:00:00Z') },
      )
      return fs.readFileSync(target)
    }
    expect(await write('one.zip')).toEqual(await write('two.zip'))
  })
})
