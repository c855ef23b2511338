import { describe, expect, it } from 'vitest'

import { formatChecksums, parseChecksums } from '../../src/domain/backup/checksums'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

describe('backup checksum list', () => {
  it('should write sha256sum lines sorted by path', () => {
    expect(
      formatChecksums([
        { path: 'media/b.mp4', sha256: B },
        { path: 'database.sqlite', sha256: A },
      ]),
    ).toBe(`${A}  database.sqlite\n${B}  media/b.mp4\n`)
  })

  it('should escape names with a backslash or line break the way coreutils does, and read them back', () => {
    const entries = [
      { path: 'media/images/two\nlines.jpg', sha256: A },
      { path: 'media/images/back\\slash.jpg', sha256: B },
      { path: 'media/images/plain name.jpg', sha256: A },
    ]
    const text = formatChecksums(entries)
    expect(text.split('\n')).toContain(`\\${A}  media/images/two\\nlines.jpg`)
    expect(text.split('\n')).toContain(`\\${B}  media/images/back\\\\slash.jpg`)
    expect(parseChecksums(text)).toEqual({
      entries: [...entries].sort((a, b) => (a.path < b.path ? -1 : 1)),
      errors: [],
    })
  })

  it('should accept binary-mode lines and upper-case hex, as sha256sum writes and reads them', () => {
    expect(parseChecksums(`${A.toUpperCase()} *data/.payload-secret\n`)).toEqual({
      entries: [{ path: 'data/.payload-secret', sha256: A }],
      errors: [],
    })
  })

  it.each([
    [`${A}  ../etc/passwd`, '"../etc/passwd" has an empty, "." or ".." segment'],
    [`${A}  /etc/passwd`, '"/etc/passwd" is absolute'],
    [`${A}  media//x`, '"media//x" has an empty, "." or ".." segment'],
    [`${A}  media/./x`, '"media/./x" has an empty, "." or ".." segment'],
    [`${A.slice(1)}  media/x`, 'expected "<64 hex digits>  <path>"'],
    [`${A} media/x`, 'expected "<64 hex digits>  <path>"'],
    [`\\${A}  media/x\\t`, 'the name has an unknown backslash escape'],
  ])('should refuse the line %j, naming the problem', (line, message) => {
    expect(parseChecksums(`${A}  media/ok\n${line}\n`)).toEqual({
      entries: [{ path: 'media/ok', sha256: A }],
      errors: [{ line: 2, message }],
    })
  })

  it('should refuse a path listed twice', () => {
    expect(parseChecksums(`${A}  media/x\n${B}  media/x\n`).errors).toEqual([
      { line: 2, message: '"media/x" is listed twice' },
    ])
  })
})
