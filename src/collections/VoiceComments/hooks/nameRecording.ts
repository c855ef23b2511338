import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Every recording gets a name of its own: the browser's name is always the same (two people
 * sending at once would race for it, and one would be refused), and a name typed by a person
 * could carry who they are. The extension stays, for players and ffprobe.
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
