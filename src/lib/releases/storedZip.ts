import fs from 'node:fs'
import { crc32 } from 'node:zlib'

/** Opens an entry's bytes as chunks of about `chunkBytes`, e.g. from the media store. */
export type OpenSource = (chunkBytes: number) => Promise<AsyncIterable<Uint8Array>>

/** One file of a zip: its bytes in memory or to be read, with its size and CRC-32 known up front. */
export interface StoredZipEntry {
  name: string
  source: { bytes: Uint8Array } | { open: OpenSource }
  size: number
  crc32: number
}

const UINT32_MAX = 0xffffffff
const UINT16_MAX = 0xffff
const UTF8_NAMES = 0x0800
// Media files run to megabytes: large reads keep the copy near disk speed and spare the garbage
// collector thousands of small buffers; small files (playlists) get a read buffer their size.
const CHUNK = 1 << 20
const readBuffer = (size: number) => Math.min(CHUNK, Math.max(16 * 1024, size))

/** The CRC-32 of a source of `size` bytes, read once (zlib's native implementation). */
export async function sourceCrc32(open: OpenSource, size: number): Promise<number> {
  let crc = 0
  for await (const chunk of await open(readBuffer(size))) crc = crc32(chunk, crc)
  return crc
}

export const bytesCrc32 = (bytes: Uint8Array): number => crc32(bytes)

/**
 * Writes a zip whose files are stored, not compressed (media is compressed already), from CRCs
 * computed once per file: a release puts the same assets in a bundle per audience and locale,
 * and a zip library would read and checksum every asset again for each. ZIP64 records are
 * written where sizes, offsets or the entry count need them (`forceZip64` always writes them).
 */
export async function writeStoredZip(
  target: string,
  entries: StoredZipEntry[],
  options: { mtime: Date; forceZip64?: boolean },
): Promise<void> {
  const out = fs.createWriteStream(target, { highWaterMark: CHUNK })
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve)
    out.on('error', reject)
  })
  const write = (chunk: Uint8Array) =>
    out.write(chunk) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r))
  const stamp = dosDateTime(options.mtime)
  const central: Buffer[] = []
  let offset = 0
  try {
    for (const entry of entries) {
      const name = Buffer.from(entry.name, 'utf8')
      const zip64 = options.forceZip64 === true || entry.size >= UINT32_MAX || offset >= UINT32_MAX
      const local = localHeader(entry, name, zip64, stamp)
      await write(local)
      const written = await writeSource(entry, write)
      if (written !== entry.size)
        throw new Error(`${entry.name} has ${written} bytes, not the ${entry.size} expected.`)
      central.push(centralHeader(entry, name, zip64, stamp, offset))
      offset += local.length + entry.size
    }
    const directory = Buffer.concat(central)
    await write(directory)
    await write(endRecords(entries.length, directory.length, offset, options.forceZip64 === true))
    out.end()
    await done
  } catch (error) {
    out.destroy()
    await fs.promises.rm(target, { force: true })
    throw error
  }
}

type DosStamp = ReturnType<typeof dosDateTime>

/** A local file header with the entry's name and, where sizes need it, its ZIP64 extra field. */
function localHeader(
  entry: StoredZipEntry,
  name: Buffer,
  zip64: boolean,
  { time, date }: DosStamp,
) {
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(zip64 ? 45 : 20, 4)
  local.writeUInt16LE(UTF8_NAMES, 6)
  local.writeUInt16LE(0, 8) // stored
  local.writeUInt16LE(time, 10)
  local.writeUInt16LE(date, 12)
  local.writeUInt32LE(entry.crc32, 14)
  local.writeUInt32LE(zip64 ? UINT32_MAX : entry.size, 18)
  local.writeUInt32LE(zip64 ? UINT32_MAX : entry.size, 22)
  local.writeUInt16LE(name.length, 26)
  const extra = zip64 ? zip64Extra([entry.size, entry.size]) : Buffer.alloc(0)
  local.writeUInt16LE(extra.length, 28)
  return Buffer.concat([local, name, extra])
}

/** The entry's central directory header, pointing back at its local header's `offset`. */
function centralHeader(
  entry: StoredZipEntry,
  name: Buffer,
  zip64: boolean,
  { time, date }: DosStamp,
  offset: number,
) {
  const header = Buffer.alloc(46)
  header.writeUInt32LE(0x02014b50, 0)
  header.writeUInt16LE((3 << 8) | 45, 4) // made by: Unix, ZIP 4.5
  header.writeUInt16LE(zip64 ? 45 : 20, 6)
  header.writeUInt16LE(UTF8_NAMES, 8)
  header.writeUInt16LE(0, 10)
  header.writeUInt16LE(time, 12)
  header.writeUInt16LE(date, 14)
  header.writeUInt32LE(entry.crc32, 16)
  header.writeUInt32LE(zip64 ? UINT32_MAX : entry.size, 20)
  header.writeUInt32LE(zip64 ? UINT32_MAX : entry.size, 24)
  header.writeUInt16LE(name.length, 28)
  const extra = zip64 ? zip64Extra([entry.size, entry.size, offset]) : Buffer.alloc(0)
  header.writeUInt16LE(extra.length, 30)
  header.writeUInt32LE((0o100644 << 16) >>> 0, 38) // a regular file, rw-r--r--
  header.writeUInt32LE(zip64 ? UINT32_MAX : offset, 42)
  return Buffer.concat([header, name, extra])
}

/** The end of central directory record, after the ZIP64 record and locator where needed. */
function endRecords(count: number, directoryBytes: number, offset: number, forceZip64: boolean) {
  const needsZip64 =
    forceZip64 || count >= UINT16_MAX || offset >= UINT32_MAX || directoryBytes >= UINT32_MAX
  const records: Buffer[] = []
  if (needsZip64) {
    const record = Buffer.alloc(56)
    record.writeUInt32LE(0x06064b50, 0)
    record.writeBigUInt64LE(44n, 4)
    record.writeUInt16LE((3 << 8) | 45, 12)
    record.writeUInt16LE(45, 14)
    record.writeBigUInt64LE(BigInt(count), 24)
    record.writeBigUInt64LE(BigInt(count), 32)
    record.writeBigUInt64LE(BigInt(directoryBytes), 40)
    record.writeBigUInt64LE(BigInt(offset), 48)
    const locator = Buffer.alloc(20)
    locator.writeUInt32LE(0x07064b50, 0)
    locator.writeBigUInt64LE(BigInt(offset + directoryBytes), 8)
    locator.writeUInt32LE(1, 16)
    records.push(record, locator)
  }
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(needsZip64 ? UINT16_MAX : count, 8)
  end.writeUInt16LE(needsZip64 ? UINT16_MAX : count, 10)
  end.writeUInt32LE(needsZip64 ? UINT32_MAX : directoryBytes, 12)
  end.writeUInt32LE(needsZip64 ? UINT32_MAX : offset, 16)
  records.push(end)
  return Buffer.concat(records)
}

async function writeSource(
  entry: StoredZipEntry,
  write: (chunk: Uint8Array) => Promise<void>,
): Promise<number> {
  if ('bytes' in entry.source) {
    await write(entry.source.bytes)
    return entry.source.bytes.length
  }
  let written = 0
  for await (const chunk of await entry.source.open(readBuffer(entry.size))) {
    await write(chunk)
    written += chunk.length
  }
  return written
}

/** The ZIP64 extended information extra field with the given 8-byte values. */
function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length)
  extra.writeUInt16LE(0x0001, 0)
  extra.writeUInt16LE(8 * values.length, 2)
  values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index))
  return extra
}

/**
 * MS-DOS date and time as zip headers keep them (two-second steps), from UTC so a rebuild
 * gives the same bytes anywhere.
 */
function dosDateTime(when: Date): { time: number; date: number } {
  const year = Math.max(1980, when.getUTCFullYear())
  return {
    time: (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate(),
  }
}
