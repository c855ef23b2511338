export const BACKUP_USAGE = 'Usage: npm run backup -- <folder> [--no-database]'
export const RESTORE_USAGE = 'Usage: npm run restore -- <folder> [--force]'

export type ParsedArgs<T> = { ok: true; options: T } | { ok: false; message: string }

export interface BackupOptions {
  /** An empty or new folder to write the backup into. */
  dir: string
  /** False: files only (e.g. beside a mongodump of a MongoDB studio). */
  includeDatabase: boolean
}

export interface RestoreOptions {
  dir: string
  /** Replace a database and write over media that are already there. */
  force: boolean
}

export function parseBackupArgs(argv: readonly string[]): ParsedArgs<BackupOptions> {
  const parsed = parseArgs(argv, ['--no-database'], BACKUP_USAGE)
  if (!parsed.ok) return parsed
  return {
    ok: true,
    options: { dir: parsed.dir, includeDatabase: !parsed.flags.has('--no-database') },
  }
}

export function parseRestoreArgs(argv: readonly string[]): ParsedArgs<RestoreOptions> {
  const parsed = parseArgs(argv, ['--force'], RESTORE_USAGE)
  if (!parsed.ok) return parsed
  return { ok: true, options: { dir: parsed.dir, force: parsed.flags.has('--force') } }
}

function parseArgs(
  argv: readonly string[],
  known: readonly string[],
  usage: string,
): { ok: true; dir: string; flags: Set<string> } | { ok: false; message: string } {
  const flags = new Set<string>()
  const positional: string[] = []
  let onlyPositional = false
  for (const arg of argv) {
    if (!onlyPositional && arg === '--') onlyPositional = true
    else if (!onlyPositional && arg.startsWith('-')) {
      if (!known.includes(arg))
        return { ok: false, message: `Unknown option ${JSON.stringify(arg)}. ${usage}` }
      flags.add(arg)
    } else positional.push(arg)
  }
  if (positional.length === 0) return { ok: false, message: `Name the backup folder. ${usage}` }
  if (positional.length > 1)
    return {
      ok: false,
      message: `Name one backup folder, not ${positional.length} (${positional.map((p) => JSON.stringify(p)).join(', ')}). ${usage}`,
    }
  if (positional[0].trim() === '')
    return { ok: false, message: `The backup folder name is empty. ${usage}` }
  return { ok: true, dir: positional[0], flags }
}
