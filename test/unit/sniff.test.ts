import ffmpeg from '@ffmpeg-installer/ffmpeg'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SNIFF_BYTES, sniffMedia } from '../../src/domain/media/sniff'

/** Concatenates ASCII strings and raw byte lists into one buffer. */
function bytes(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = []
  for (const part of parts) {
    if (typeof part === 'string') {
      for (const char of part) out.push(char.charCodeAt(0))
    } else {
      out.push(...part)
    }
  }
  return Uint8Array.from(out)
}

const zeros = (n: number) => new Array<number>(n).fill(0)
const utf8 = (text: string) => new TextEncoder().encode(text)

/** An ISO BMFF ftyp box with the given major and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 2, 0], ...compatible, [0, 0, 0, 8], 'free')
}

describe('sniffMedia on crafted bytes', () => {
  it('should recognise UTF-16 text saved without a byte order mark, either byte order', () => {
    const text = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHi'
    expect(sniffMedia(new Uint8Array(Buffer.from(text, 'utf16le')).subarray(0, 64)).format).toBe(
      'utf16-text',
    )
    const bigEndian = Buffer.from(text, 'utf16le').swap16()
    expect(sniffMedia(new Uint8Array(bigEndian).subarray(0, 64)).format).toBe('utf16-text')
  })

  it.each([
    ['isom', 'mp4'],
    ['iso2', 'mp4'],
    ['mp41', 'mp4'],
    ['mp42', 'mp4'],
    ['avc1', 'mp4'],
    ['dash', 'mp4'],
    ['M4V ', 'mp4'],
  ])('should call ftyp brand %j mp4', (brand, format) => {
    expect(sniffMedia(ftyp(brand, 'isom'))).toEqual({
      format,
      mime: 'video/mp4',
      kind: 'av-container',
      label: 'MP4/QuickTime',
    })
  })

  it('should call ftyp brand "qt  " a QuickTime mov', () => {
    expect(sniffMedia(ftyp('qt  ', 'qt  '))).toMatchObject({
      format: 'mov',
      mime: 'video/quicktime',
      kind: 'av-container',
    })
  })

  it.each(['M4A ', 'M4B '])('should call ftyp brand %j m4a audio', (brand) => {
    expect(sniffMedia(ftyp(brand, 'isom'))).toMatchObject({
      format: 'm4a',
      mime: 'audio/mp4',
      kind: 'audio',
    })
  })

  it('should fall back to a compatible brand when the major brand is unfamiliar', () => {
    expect(sniffMedia(ftyp('3gp4', 'M4A '))).toMatchObject({ format: 'm4a' })
    expect(sniffMedia(ftyp('iso5', 'iso6', 'mp41'))).toMatchObject({ format: 'mp4' })
  })

  it('should still call an ftyp box with no familiar brand mp4, leaving the streams to ffprobe', () => {
    expect(sniffMedia(ftyp('zzzz', 'yyyy'))).toMatchObject({ format: 'mp4', kind: 'av-container' })
  })

  it('should recognise HEIF and AVIF stills as images', () => {
    expect(sniffMedia(ftyp('heic', 'mif1'))).toMatchObject({ format: 'heif', kind: 'image' })
    expect(sniffMedia(ftyp('avif', 'mif1'))).toMatchObject({ format: 'avif', kind: 'image' })
  })

  const ebml = (docType: string) =>
    bytes(
      [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length],
      docType,
    )

  it('should call EBML with a "webm" doc type webm', () => {
    expect(sniffMedia(ebml('webm'))).toEqual({
      format: 'webm',
      mime: 'video/webm',
      kind: 'av-container',
      label: 'WebM',
    })
  })

  it('should call other EBML documents mkv', () => {
    expect(sniffMedia(ebml('matroska'))).toMatchObject({
      format: 'mkv',
      mime: 'video/x-matroska',
      kind: 'av-container',
    })
    expect(sniffMedia(bytes([0x1a, 0x45, 0xdf, 0xa3]))).toMatchObject({ format: 'mkv' })
  })

  it('should tell the RIFF forms apart', () => {
    expect(sniffMedia(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toMatchObject({
      format: 'avi',
      mime: 'video/x-msvideo',
      kind: 'av-container',
    })
    expect(sniffMedia(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toMatchObject({
      format: 'wav',
      mime: 'audio/wav',
      kind: 'audio',
    })
    expect(sniffMedia(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toMatchObject({
      format: 'webp',
      mime: 'image/webp',
      kind: 'image',
    })
    expect(sniffMedia(bytes('RIFF', [1, 2, 3, 4], 'CDXA'))).toMatchObject({ format: 'unknown' })
  })

  it('should call Ogg an av-container because it may hold Theora video', () => {
    expect(sniffMedia(bytes('OggS', [0, 2], zeros(20)))).toEqual({
      format: 'ogg',
      mime: 'application/ogg',
      kind: 'av-container',
      label: 'Ogg',
    })
  })

  it('should recognise FLAC', () => {
    expect(sniffMedia(bytes('fLaC', [0, 0, 0, 0x22]))).toMatchObject({
      format: 'flac',
      mime: 'audio/flac',
      kind: 'audio',
    })
  })

  it('should call a file with an ID3v2 tag mp3', () => {
    expect(sniffMedia(bytes('ID3', [4, 0, 0, 0, 0, 0x7f, 0x7f], zeros(20)))).toMatchObject({
      format: 'mp3',
      mime: 'audio/mpeg',
      kind: 'audio',
    })
  })

  it('should look past a short ID3 tag to find FLAC or ADTS AAC', () => {
    const tag = bytes('ID3', [3, 0, 0, 0, 0, 0, 4], 'abcd')
    expect(sniffMedia(bytes([...tag], 'fLaC', zeros(8)))).toMatchObject({ format: 'flac' })
    expect(sniffMedia(bytes([...tag], [0xff, 0xf1, 0x50, 0x80]))).toMatchObject({ format: 'aac' })
    expect(sniffMedia(bytes([...tag], [0xff, 0xfb, 0x90, 0x64]))).toMatchObject({ format: 'mp3' })
  })

  it('should not take text that starts with "ID3" for an ID3 tag', () => {
    expect(sniffMedia(utf8('ID3 tags are for MP3 files'))).toMatchObject({ format: 'text' })
  })

  it.each([
    ['MPEG-1 layer III', [0xff, 0xfb, 0x90, 0x64]],
    ['MPEG-2 layer III', [0xff, 0xf3, 0x50, 0xc4]],
    ['MPEG-2.5 layer III', [0xff, 0xe3, 0x18, 0xc4]],
    ['MPEG-1 layer II', [0xff, 0xfd, 0x90, 0x04]],
  ])('should recognise a bare %s frame as mp3', (_name, header) => {
    expect(sniffMedia(bytes(header, zeros(28)))).toMatchObject({ format: 'mp3', kind: 'audio' })
  })

  it.each([
    ['reserved version', [0xff, 0xeb, 0x90, 0x64]],
    // Layer 00 under a 12-bit sync is ADTS, so the reserved layer is tested with MPEG-2.5.
    ['reserved layer', [0xff, 0xe1, 0x90, 0x64]],
    ['bad bitrate index', [0xff, 0xfb, 0xf0, 0x64]],
    ['reserved sample rate', [0xff, 0xfb, 0x9c, 0x64]],
  ])('should not call a frame header with a %s mp3', (_name, header) => {
    expect(sniffMedia(bytes(header, zeros(28)))).toMatchObject({ format: 'unknown' })
  })

  it.each([
    ['MPEG-4, no CRC', 0xf1],
    ['MPEG-2, no CRC', 0xf9],
    ['MPEG-4, with CRC', 0xf0],
  ])('should recognise ADTS AAC (%s)', (_name, second) => {
    expect(sniffMedia(bytes([0xff, second, 0x50, 0x80, 0x1a, 0x9f, 0xfc]))).toEqual({
      format: 'aac',
      mime: 'audio/aac',
      kind: 'audio',
      label: 'AAC (ADTS) audio',
    })
  })

  it('should recognise MPEG-TS by sync bytes 188 apart when the head is long enough', () => {
    const twoPackets = new Uint8Array(189)
    twoPackets.set([0x47, 0x40, 0x00, 0x10])
    twoPackets[188] = 0x47
    expect(sniffMedia(twoPackets)).toEqual({
      format: 'mpegts',
      mime: 'video/mp2t',
      kind: 'av-container',
      label: 'MPEG-TS',
    })
    twoPackets[188] = 0x00
    expect(sniffMedia(twoPackets)).toMatchObject({ format: 'unknown' })
  })

  it('should recognise MPEG-TS from one packet header in a 64-byte head', () => {
    expect(sniffMedia(bytes([0x47, 0x40, 0x00, 0x10], zeros(60)))).toMatchObject({
      format: 'mpegts',
    })
  })

  it('should not take text that starts with "G" for MPEG-TS', () => {
    expect(sniffMedia(utf8('Good morning, this is a caption draft'))).toMatchObject({
      format: 'text',
    })
  })

  it('should recognise PNG, JPEG and GIF', () => {
    expect(sniffMedia(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a], zeros(8)))).toEqual({
      format: 'png',
      mime: 'image/png',
      kind: 'image',
      label: 'PNG image',
    })
    expect(sniffMedia(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toMatchObject({
      format: 'jpeg',
      mime: 'image/jpeg',
      kind: 'image',
    })
    expect(sniffMedia(bytes('GIF89a', [1, 0, 1, 0]))).toMatchObject({
      format: 'gif',
      mime: 'image/gif',
    })
    expect(sniffMedia(bytes('GIF87a', [1, 0, 1, 0]))).toMatchObject({ format: 'gif' })
  })

  it.each([
    ['a bare header', 'WEBVTT'],
    ['a header and a cue', 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello'],
    ['CRLF line ends', 'WEBVTT\r\n\r\n1\r\n'],
    ['a header comment', 'WEBVTT - Dean at the job centre\n'],
    ['a tab after the header', 'WEBVTT\tdraft\n'],
  ])('should recognise WebVTT with %s', (_name, text) => {
    expect(sniffMedia(utf8(text))).toEqual({
      format: 'webvtt',
      mime: 'text/vtt',
      kind: 'text',
      label: 'WebVTT captions',
    })
  })

  it('should recognise WebVTT after a UTF-8 byte order mark', () => {
    expect(sniffMedia(bytes([0xef, 0xbb, 0xbf], 'WEBVTT\n'))).toMatchObject({ format: 'webvtt' })
  })

  it('should call text that merely starts like WebVTT plain text', () => {
    expect(sniffMedia(utf8('WEBVTTX\n'))).toMatchObject({ format: 'text' })
    expect(sniffMedia(utf8(' WEBVTT\n'))).toMatchObject({ format: 'text' })
    expect(sniffMedia(utf8('webvtt\n'))).toMatchObject({ format: 'text' })
  })

  it.each([
    ['little-endian', [0xff, 0xfe], bytes('W', [0], 'E', [0], 'B', [0])],
    ['big-endian', [0xfe, 0xff], bytes([0], 'W', [0], 'E', [0], 'B')],
  ])('should call %s UTF-16 (a common Notepad export) utf16-text', (_name, bom, text) => {
    // FF FE would otherwise pass for an MPEG-1 layer I frame header.
    expect(sniffMedia(bytes(bom, [...text]))).toEqual({
      format: 'utf16-text',
      mime: 'text/plain; charset=utf-16',
      kind: 'text',
      label: 'UTF-16 text',
    })
  })

  it('should call an SRT file plain text', () => {
    expect(sniffMedia(utf8('1\r\n00:00:00,000 --> 00:00:01,000\r\nHello\r\n'))).toEqual({
      format: 'text',
      mime: 'text/plain',
      kind: 'text',
      label: 'plain text',
    })
  })

  it('should call UTF-8 text with accents, Welsh and emoji plain text', () => {
    expect(sniffMedia(utf8('Bore da! Café — ŵ ŷ 👋\n'))).toMatchObject({ format: 'text' })
  })

  it.each([1, 2])(
    'should accept a multi-byte character cut off after %i byte(s) by the end of a full-length head',
    (kept) => {
      const text = utf8(`${'a'.repeat(SNIFF_BYTES - kept)}…`)
      expect(sniffMedia(text.subarray(0, SNIFF_BYTES))).toMatchObject({ format: 'text' })
    },
  )

  it('should not accept a truncated character in a short (whole) file', () => {
    expect(sniffMedia(utf8('café').subarray(0, 4))).toMatchObject({ format: 'unknown' })
  })

  it.each([
    ['a NUL byte', bytes('hello', [0], 'world')],
    ['a bell character', bytes('hello', [7])],
    ['DEL', bytes('hello', [0x7f])],
    ['Latin-1 (not UTF-8)', bytes('caf', [0xe9], ' au lait')],
    ['an overlong UTF-8 encoding', bytes('a', [0xc0, 0xaf])],
    ['a UTF-8 encoded surrogate', bytes('a', [0xed, 0xa0, 0x80])],
    ['random binary', bytes([0x00, 0x01, 0x02, 0x03, 0xde, 0xad, 0xbe, 0xef])],
  ])('should call bytes with %s unknown', (_name, head) => {
    expect(sniffMedia(head)).toEqual({
      format: 'unknown',
      mime: 'application/octet-stream',
      kind: 'unknown',
      label: 'unrecognised binary data',
    })
  })

  it('should call empty input empty', () => {
    expect(sniffMedia(new Uint8Array(0))).toMatchObject({ format: 'empty', kind: 'unknown' })
  })

  it('should cope with heads too short to hold the signature they start', () => {
    expect(sniffMedia(bytes('RIF'))).toMatchObject({ format: 'text' })
    expect(sniffMedia(bytes([0xff]))).toMatchObject({ format: 'unknown' })
    expect(sniffMedia(bytes([0x1a, 0x45]))).toMatchObject({ format: 'unknown' })
    expect(sniffMedia(bytes([0, 0, 0, 8], 'ftyp'))).toMatchObject({ format: 'mp4' })
  })

  it('should hand out results callers cannot change for everyone else', () => {
    const result = sniffMedia(utf8('hello'))
    expect(Object.isFrozen(result)).toBe(true)
  })
})

const ENCODERS = execFileSync(ffmpeg.path, ['-hide_banner', '-encoders'], { encoding: 'utf8' })
const hasEncoder = (name: string) => new RegExp(`^\\s*\\S+\\s+${name}\\s`, 'm').test(ENCODERS)

const VIDEO = ['-f', 'lavfi', '-i', 'testsrc=size=64x36:rate=5:duration=1']
const AUDIO = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1']

describe('sniffMedia on files made by the bundled ffmpeg', () => {
  let dir: string

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-sniff-'))
  })

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  function encodeAndSniff(fileName: string, args: string[]) {
    const out = path.join(dir, fileName)
    execFileSync(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-y', ...args, out])
    const fd = fs.openSync(out, 'r')
    try {
      const head = new Uint8Array(SNIFF_BYTES)
      const read = fs.readSync(fd, head, 0, SNIFF_BYTES, 0)
      return sniffMedia(head.subarray(0, read))
    } finally {
      fs.closeSync(fd)
    }
  }

  it.each([
    ['clip.mp4', [...VIDEO, '-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'mp4', 'av-container'],
    ['clip.mov', [...VIDEO, '-c:v', 'libx264', '-pix_fmt', 'yuv420p'], 'mov', 'av-container'],
    ['clip.mkv', [...VIDEO, '-c:v', 'libx264'], 'mkv', 'av-container'],
    ['clip.avi', [...VIDEO, '-c:v', 'mpeg4'], 'avi', 'av-container'],
    ['clip.ts', [...VIDEO, '-c:v', 'libx264'], 'mpegts', 'av-container'],
    ['voice.m4a', [...AUDIO, '-c:a', 'aac'], 'm4a', 'audio'],
    ['voice.mp3', [...AUDIO, '-c:a', 'libmp3lame'], 'mp3', 'audio'],
    // Without the ID3 tag the head starts at the first MPEG audio frame.
    ['bare.mp3', [...AUDIO, '-c:a', 'libmp3lame', '-id3v2_version', '0'], 'mp3', 'audio'],
    ['voice.aac', [...AUDIO, '-c:a', 'aac', '-f', 'adts'], 'aac', 'audio'],
    ['voice.wav', [...AUDIO, '-c:a', 'pcm_s16le'], 'wav', 'audio'],
    ['voice.ogg', [...AUDIO, '-c:a', 'libvorbis'], 'ogg', 'av-container'],
    ['voice.flac', [...AUDIO, '-c:a', 'flac'], 'flac', 'audio'],
    ['still.png', [...VIDEO, '-frames:v', '1'], 'png', 'image'],
    ['still.jpg', [...VIDEO, '-frames:v', '1'], 'jpeg', 'image'],
    ['still.gif', [...VIDEO, '-frames:v', '1'], 'gif', 'image'],
  ])('should sniff %s', (fileName, args, format, kind) => {
    expect(encodeAndSniff(fileName, args)).toMatchObject({ format, kind })
  })

  it.skipIf(!hasEncoder('libvpx-vp9'))('should sniff a VP9 WebM', () => {
    expect(encodeAndSniff('clip.webm', [...VIDEO, '-c:v', 'libvpx-vp9'])).toMatchObject({
      format: 'webm',
      kind: 'av-container',
    })
  })

  it.skipIf(!hasEncoder('libwebp'))('should sniff a WebP still', () => {
    expect(
      encodeAndSniff('still.webp', [...VIDEO, '-frames:v', '1', '-c:v', 'libwebp']),
    ).toMatchObject({ format: 'webp', kind: 'image' })
  })

  it('should sniff a WebVTT file ffmpeg converted from SRT', () => {
    const srt = path.join(dir, 'captions.srt')
    fs.writeFileSync(srt, '1\n00:00:00,000 --> 00:00:01,000\nHello\n')
    expect(encodeAndSniff('captions.vtt', ['-i', srt])).toMatchObject({
      format: 'webvtt',
      kind: 'text',
    })
  })

  it('should ignore a misleading extension: an MP3 named .mp4 is still MP3', () => {
    expect(
      encodeAndSniff('voice.mp4', [...AUDIO, '-c:a', 'libmp3lame', '-f', 'mp3']),
    ).toMatchObject({
      format: 'mp3',
    })
  })
})
