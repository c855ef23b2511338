import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { localMediaStore } from '../../../src/lib/storage/localMediaStore'

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-store-'))
const store = localMediaStore(() => root)
const on = (key: string) => path.join(root, ...key.split('/'))

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const collect = async (stream: AsyncIterable<Buffer>) => {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks).toString()
}

describe('the local media store', () => {
  it('should put, stat, read a range and stream an object', async () => {
    await store.put('animations/a.txt', { bytes: Buffer.from('0123456789') })
    expect(await store.stat('animations/a.txt')).toMatchObject({ bytes: 10 })
    expect((await store.read('animations/a.txt', { start: 2, end: 4 })).toString()).toBe('234')
    expect(
      await collect(await store.stream('animations/a.txt', { range: { start: 7, end: 9 } })),
    ).toBe('789')
    expect(fs.readdirSync(on('animations'))).toEqual(['a.txt'])
  })

  it('should give a new version when the bytes under a key are replaced', async () => {
    await store.put('captions/c.vtt', { bytes: Buffer.from('WEBVTT\n') })
    const before = (await store.stat('captions/c.vtt'))!.version
    await store.put('captions/c.vtt', { bytes: Buffer.from('WEBVTT\n\n') })
    expect((await store.stat('captions/c.vtt'))!.version).not.toBe(before)
  })

  it('should answer a missing key with null from stat and ENOENT from read and stream', async () => {
    expect(await store.stat('animations/none.mp4')).toBeNull()
    expect(await store.stat('animations')).toBeNull()
    await expect(store.read('animations/none.mp4')).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(store.stream('animations/none.mp4')).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it.each(['../outside', 'animations/../../x', '/etc/passwd', ''])(
    'should refuse the key %j without touching the disk',
    async (key) => {
      await expect(store.read(key)).rejects.toMatchObject({ code: 'EINVAL' })
      await expect(store.put(key, { bytes: Buffer.from('x') })).rejects.toThrow('Unsafe media key')
    },
  )

  it('should share the bytes of immutable areas and copy uploads, never overwriting', async () => {
    await store.put('derived/ab/k1/seg.ts', { bytes: Buffer.from('segment') })
    await store.copy('derived/ab/k1/seg.ts', 'assets/aa/sha1')
    expect(fs.statSync(on('assets/aa/sha1')).ino).toBe(fs.statSync(on('derived/ab/k1/seg.ts')).ino)
    // An upload may be rewritten in place by Payload, so the asset gets its own bytes.
    await store.put('voice-tracks/v.m4a', { bytes: Buffer.from('voice') })
    await store.copy('voice-tracks/v.m4a', 'assets/bb/sha2')
    expect(fs.statSync(on('assets/bb/sha2')).ino).not.toBe(
      fs.statSync(on('voice-tracks/v.m4a')).ino,
    )
    await store.put('voice-tracks/v.m4a', { bytes: Buffer.from('other') })
    await store.copy('voice-tracks/v.m4a', 'assets/bb/sha2')
    expect((await store.read('assets/bb/sha2')).toString()).toBe('voice')
  })

  it('should put a staged folder whole, or say a folder is there already', async () => {
    const first = await store.stage('derived', 'k2')
    fs.writeFileSync(path.join(first.dir, 'one'), '1')
    expect(await store.putFolder(first, 'derived/cd/k2', { replace: false })).toBe('put')
    const second = await store.stage('derived', 'k2')
    fs.writeFileSync(path.join(second.dir, 'two'), '2')
    expect(await store.putFolder(second, 'derived/cd/k2', { replace: false })).toBe('exists')
    await second.discard()
    expect(await store.list('derived/cd/k2')).toEqual(['one'])
    const third = await store.stage('releases', '7')
    fs.writeFileSync(path.join(third.dir, 'three'), '3')
    await store.put('releases/7/old', { bytes: Buffer.from('old') })
    expect(await store.putFolder(third, 'releases/7', { replace: true })).toBe('put')
    expect(await store.list('releases/7')).toEqual(['three'])
    expect(fs.readdirSync(on('releases'))).toEqual(['7'])
  })

  it('should sweep quiet leftovers of dead processes but never its own live staging', async () => {
    const live = await store.stage('derived', 'live')
    fs.mkdirSync(on('derived/.tmp-dead-1234'), { recursive: true })
    fs.writeFileSync(on('derived/.tmp-dead-1234/part.ts'), 'x')
    fs.mkdirSync(on('assets/ee'), { recursive: true })
    fs.writeFileSync(on('assets/ee/sha.tmp-abcd'), 'half')
    const old = new Date(Date.now() - 60_000)
    for (const key of ['derived/.tmp-dead-1234/part.ts', 'derived/.tmp-dead-1234', live.dir]) {
      const file = key.startsWith('/') ? key : on(key)
      fs.utimesSync(file, old, old)
    }
    expect(await store.removeLeftovers('assets', { quietForMs: 30_000 })).toBe(0)
    expect(await store.removeLeftovers('assets', { quietForMs: 0 })).toBe(1)
    expect(await store.removeLeftovers('derived', { quietForMs: 30_000 })).toBe(1)
    expect(fs.existsSync(live.dir)).toBe(true)
    expect(store.discardOwnStaging()).toBe(1)
    expect(fs.existsSync(live.dir)).toBe(false)
  })

  it('should sweep only the staging of the release it is asked about', async () => {
    fs.mkdirSync(on('releases/.tmp-1-aaaa'), { recursive: true })
    fs.mkdirSync(on('releases/.tmp-12-bbbb'), { recursive: true })
    expect(await store.removeLeftovers('releases', { label: '1', quietForMs: 0 })).toBe(1)
    expect(fs.readdirSync(on('releases')).sort()).toEqual(['.tmp-12-bbbb', '7'])
    // Listing never shows what is still being written.
    expect(await store.list('releases')).toEqual(['7'])
  })
})
