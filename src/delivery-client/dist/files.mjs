// Generated from src/delivery-client/files.ts by scripts/build-delivery-client.mjs: edit that file, then run `npm run build:delivery-client`.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
/**
 * Writes through a temporary file, flushed and renamed, so readers see the old or the new
 * content and never a partial one.
 */
export async function writeAtomic(file, data) {
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`,
  )
  const handle = await fs.open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(tmp, file)
  } catch (error) {
    await fs.rm(tmp, { force: true })
    throw error
  }
}
/** Whether `file` holds exactly the asset; a damaged copy is deleted so it is never used. */
export async function isIntact(file, sha, size) {
  let stat
  try {
    stat = await fs.stat(file)
  } catch (error) {
    if (error.code === 'ENOENT') return false
    throw error
  }
  if (stat.isFile() && stat.size === size) {
    const hash = createHash('sha256')
    await hashFile(file, hash)
    if (hash.digest('hex') === sha) return true
  }
  await fs.rm(file, { force: true, recursive: true })
  return false
}
export async function hashFile(file, hash) {
  for await (const chunk of createReadStream(file)) hash.update(chunk)
}
/** The size of `file`, 0 when it does not exist. */
export async function fileSize(file) {
  try {
    return (await fs.stat(file)).size
  } catch (error) {
    if (error.code === 'ENOENT') return 0
    throw error
  }
}
