import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Every recording gets a random name: a name typed by a person could carry who they are, and
 * the browser's is the same for everyone. The extension stays, for players and ffprobe.
 */
export const nameRecording: CollectionBeforeOperationHook<'voice-comments'> = ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' || !req.file) return args
  const extension = path.extname(req.file.name).toLowerCase()
  req.file.name = `voice-${randomUUID()}${/^\.[a-z0-9]{1,5}$/.test(extension) ? extension : ''}`
  return args
}
