import { expect } from 'vitest'
import yauzl from 'yauzl'

import { bytesCrc32 } from '../../../src/lib/releases/storedZip'

/** Every entry of a zip as yauzl reads it, with its bytes; each entry's CRC-32 is checked. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, strictFileNames: true }, (error, zip) => {
      if (error) return reject(error)
      const entries = new Map<string, Buffer>()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError)
          const chunks: Buffer[] = []
          stream.on('data', (chunk: Buffer) => chunks.push(chunk))
          stream.on('end', () => {
            const bytes = Buffer.concat(chunks)
            expect(bytesCrc32(bytes), entry.fileName).toBe(entry.crc32)
            entries.set(entry.fileName, bytes)
            zip.readEntry()
          })
        })
      })
      zip.on('end', () => resolve(entries))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}
