import { describe, expect, it } from 'vitest'

import {
  checkRoom,
  describeJobFault,
  describeUploadFault,
  storageFaultOf,
} from '../../src/domain/storage/storageFault'

const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code })

describe('storage faults', () => {
  it.each([
    [errno('ENOSPC'), 'full'],
    [errno('EDQUOT'), 'full'],
    [errno('EROFS'), 'readOnly'],
    [
      {
        message: 'ffmpeg failed: Conversion failed!',
        stderrTail: 'av_interleaved_write_frame(): No space left on device',
      },
      'full',
    ],
    [{ message: 'ffmpeg failed: /media/derived/x/720p.mp4: Read-only file system' }, 'readOnly'],
  ])('should recognise %j', (error, fault) => {
    expect(storageFaultOf(error)).toBe(fault)
  })

  it.each([
    [errno('ENOENT')],
    [errno('EACCES')],
    [new Error('Invalid data found')],
    ['ENOSPC'],
    [null],
  ])('should not call %j a storage fault', (error) => {
    expect(storageFaultOf(error)).toBeNull()
  })

  it('should judge room by writability, bytes and free inodes', () => {
    const roomy = {
      isWritable: true,
      freeBytes: 1000,
      freeFiles: 10,
      neededBytes: 1000,
      neededFiles: 10,
    }
    expect(checkRoom(roomy)).toBeNull()
    expect(checkRoom({ ...roomy, isWritable: false })).toBe('readOnly')
    expect(checkRoom({ ...roomy, neededBytes: 1001 })).toBe('full')
    expect(checkRoom({ ...roomy, neededFiles: 11 })).toBe('full')
    expect(checkRoom({ ...roomy, freeFiles: null, neededFiles: 1e9 })).toBeNull()
  })

  it('should tell the uploader the cause, that nothing was kept, and what to do', () => {
    expect(describeUploadFault('full')).toBe(
      "The studio's storage is full, so the file cannot be saved. Nothing was saved. Try again later; if it keeps happening, ask an administrator to check the media disk.",
    )
    expect(describeUploadFault('readOnly')).toMatch(
      /^The studio's storage is read-only at the moment/,
    )
  })

  it('should say how often a waiting job tries again', () => {
    expect(describeJobFault('full', 300)).toBe(
      "Waiting for storage: the studio's media storage is full. Processing tries again by itself every 5 minutes; free space on (or remount) the media disk to let it finish.",
    )
    expect(describeJobFault('readOnly', 30)).toContain(
      'read-only. Processing tries again by itself every 30 seconds',
    )
  })
})
