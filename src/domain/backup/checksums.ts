/** One file of a backup: its path inside the backup folder (POSIX, relative) and its sha256. */
export interface FileDigest {
  path: string
  sha256: string
}

const SHA256 = /^[0-9a-f]{64}$/

/**
 * The checksum list in GNU `sha256sum` format, so an operator can check a backup with
 * `sha256sum -c SHA256SUMS` and no studio at all. Names holding a backslash or a line break are
 * escaped the way coreutils does it: the line starts with "\" and the name's "\", "\n" and "\r"
 * are written as two characters each.
 */
export function formatChecksums(entries: readonly FileDigest[]): string {
  return [...entries]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map(({ path, sha256 }) => {
      const escaped = path.replace(
        /[\\\n\r]/g,
        (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r' })[c]!,
      )
      return `${escaped === path ? '' : '\\'}${sha256}  ${escaped}\n`
    })
    .join('')
}

export interface ParsedChecksums {
  entries: FileDigest[]
  /** 1-based line numbers with what is wrong there. */
  errors: { line: number; message: string }[]
}

/**
 * Reads a checksum list back. Every path must be a safe relative path (no "..", not absolute):
 * restore writes where these paths say, so a tampered list must not reach outside its folders.
 */
export function parseChecksums(text: string): ParsedChecksums {
  const entries: FileDigest[] = []
  const errors: ParsedChecksums['errors'] = []
  const seen = new Set<string>()
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  lines.forEach((raw, index) => {
    const line = index + 1
    const isEscaped = raw.startsWith('\\')
    const body = isEscaped ? raw.slice(1) : raw
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(body)
    if (!match) {
      errors.push({ line, message: 'expected "<64 hex digits>  <path>"' })
      return
    }
    const path = isEscaped ? unescapeName(match[2]) : match[2]
    if (path === null) {
      errors.push({ line, message: 'the name has an unknown backslash escape' })
      return
    }
    const pathProblem = unsafePathProblem(path)
    if (pathProblem) {
      errors.push({ line, message: `${JSON.stringify(path)} ${pathProblem}` })
      return
    }
    if (seen.has(path)) {
      errors.push({ line, message: `${JSON.stringify(path)} is listed twice` })
      return
    }
    seen.add(path)
    entries.push({ path, sha256: match[1].toLowerCase() })
  })
  return { entries, errors }
}

export const isSha256 = (value: string): boolean => SHA256.test(value)

/** Why a path may not be used inside a backup, or null when it is a plain relative path. */
export function unsafePathProblem(path: string): string | null {
  if (path === '') return 'is empty'
  if (path.includes('\0')) return 'contains a NUL character'
  if (path.startsWith('/')) return 'is absolute'
  if (path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..'))
    return 'has an empty, "." or ".." segment'
  return null
}

function unescapeName(name: string): string | null {
  let out = ''
  for (let i = 0; i < name.length; i++) {
    if (name[i] !== '\\') {
      out += name[i]
      continue
    }
    const next = name[++i]
    if (next === '\\') out += '\\'
    else if (next === 'n') out += '\n'
    else if (next === 'r') out += '\r'
    else return null
  }
  return out
}
