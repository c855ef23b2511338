import fs from 'node:fs'
import path from 'node:path'

import { bytes } from '../format'
import { paddedMp4, sizedBody } from '../streamedUpload'

export const MiB = 1024 * 1024
const HUGE = Number(process.env.BENCH_UPLOAD_MIB ?? 1024) * MiB
const MEDIUM = 64 * MiB
const ANIMATION_LIMIT = 1024 * MiB
/** Huge, but under the parser's limit (the largest collection's), so the upload check decides. */
const HUGE_UNDER_LIMIT = Math.min(HUGE, ANIMATION_LIMIT) - MiB

export interface UploadCase {
  name: string
  collection: string
  fileName: string
  mimeType: string
  file: () => AsyncIterable<Uint8Array>
  signedIn: boolean
  status: number
}

/**
 * The uploads measured, in order. The first (small, accepted) is the baseline the others'
 * peaks are compared with; the second (anonymous) must be refused before its file is read.
 */
export function uploadCases(): UploadCase[] {
  const clip = new Uint8Array(fs.readFileSync(path.resolve('seed/fixtures/media/animation-1.mp4')))
  const vttHead = new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nHello.\n\n')
  return [
    {
      name: 'small animation, accepted',
      ...animation('small.mp4'),
      file: async function* () {
        yield clip
      },
      signedIn: true,
      status: 201,
    },
    {
      name: 'huge animation, anonymous',
      ...animation('anonymous.mp4'),
      file: () => sizedBody(HUGE_UNDER_LIMIT, clip),
      signedIn: false,
      status: 401,
    },
    {
      name: `caption file of ${bytes(MEDIUM)}, refused by size`,
      ...caption('medium.vtt'),
      file: () => sizedBody(MEDIUM, vttHead),
      signedIn: true,
      status: 400,
    },
    {
      name: 'huge caption file, refused by size',
      ...caption('huge.vtt'),
      file: () => sizedBody(HUGE_UNDER_LIMIT, vttHead),
      signedIn: true,
      status: 400,
    },
    {
      name: 'huge animation, accepted',
      ...animation('huge.mp4'),
      file: paddedMp4(clip, HUGE_UNDER_LIMIT),
      signedIn: true,
      status: 201,
    },
    {
      name: 'animation past the limit, refused while streaming',
      ...animation('too-big.mp4'),
      file: () => sizedBody(ANIMATION_LIMIT + 64 * MiB, clip),
      signedIn: true,
      status: 413,
    },
  ]
}

const animation = (fileName: string) => ({
  collection: 'animations',
  fileName,
  mimeType: 'video/mp4',
})

const caption = (fileName: string) => ({ collection: 'captions', fileName, mimeType: 'text/vtt' })
