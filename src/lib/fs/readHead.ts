import fs from 'node:fs/promises'

/** The first `bytes` bytes of a file (fewer when it is shorter), without reading the rest. */
export async function readHead(file: string, bytes: number): Promise<Uint8Array> {
  const handle = await fs.open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(bytes), position: 0 })
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}
