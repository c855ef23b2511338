import { describe, expect, it } from 'vitest'

import { DEFAULT_SQLITE_FILE, parseDatabaseUri } from '../../src/domain/config/databaseUri'

const ACCEPTED_FORMS =
  'Accepted forms: unset (embedded SQLite in data/), file:<path> (SQLite), mongodb://… or mongodb+srv://… (MongoDB).'

/** The message parseDatabaseUri throws for a URI, or '' when it accepts it. */
const errorMessage = (uri: string) => {
  try {
    parseDatabaseUri(uri)
  } catch (error) {
    return (error as Error).message
  }
  return ''
}

describe('parseDatabaseUri', () => {
  it('should default to the embedded SQLite file when DATABASE_URI is unset', () => {
    expect(DEFAULT_SQLITE_FILE).toBe('data/cdm-studio.db')
    expect(parseDatabaseUri(undefined)).toEqual({
      kind: 'sqlite',
      url: 'file:data/cdm-studio.db',
      filePath: 'data/cdm-studio.db',
    })
  })

  it.each(['', '   ', '\n\t'])(
    'should default to SQLite when DATABASE_URI is blank (%j)',
    (uri) => {
      expect(parseDatabaseUri(uri)).toEqual({
        kind: 'sqlite',
        url: 'file:data/cdm-studio.db',
        filePath: 'data/cdm-studio.db',
      })
    },
  )

  it('should use a relative SQLite file', () => {
    expect(parseDatabaseUri('file:./x.db')).toEqual({
      kind: 'sqlite',
      url: 'file:./x.db',
      filePath: './x.db',
    })
  })

  it('should use an absolute SQLite file', () => {
    expect(parseDatabaseUri('file:/abs/x.db')).toEqual({
      kind: 'sqlite',
      url: 'file:/abs/x.db',
      filePath: '/abs/x.db',
    })
  })

  it('should read the path of a file:/// URL as absolute', () => {
    expect(parseDatabaseUri('file:///abs/x.db')).toEqual({
      kind: 'sqlite',
      url: 'file:///abs/x.db',
      filePath: '/abs/x.db',
    })
  })

  it('should trim whitespace around a file URI', () => {
    expect(parseDatabaseUri('  file:./x.db\n')).toEqual({
      kind: 'sqlite',
      url: 'file:./x.db',
      filePath: './x.db',
    })
  })

  it('should use MongoDB for a mongodb:// URI', () => {
    expect(parseDatabaseUri('mongodb://host/db')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://host/db',
    })
  })

  it('should use MongoDB for a mongodb+srv:// URI with credentials and options', () => {
    const uri = 'mongodb+srv://user:pass@cluster0.example.net/cdm?retryWrites=true&w=majority'
    expect(parseDatabaseUri(uri)).toEqual({ kind: 'mongodb', url: uri })
  })

  it('should reject file: without a path and list the accepted forms', () => {
    expect(() => parseDatabaseUri('file:')).toThrow(
      new Error(`DATABASE_URI "file:" names no SQLite file. ${ACCEPTED_FORMS}`),
    )
  })

  it('should reject a file URI that names a directory', () => {
    expect(() => parseDatabaseUri('file:./data/')).toThrow(
      new Error(`DATABASE_URI "file:./data/" names no SQLite file. ${ACCEPTED_FORMS}`),
    )
  })

  it('should reject a postgres URI and list the accepted forms', () => {
    expect(() => parseDatabaseUri('postgres://host/db')).toThrow(
      new Error(`DATABASE_URI "postgres://host/db" is not supported. ${ACCEPTED_FORMS}`),
    )
  })

  it('should reject nonsense and list the accepted forms', () => {
    expect(() => parseDatabaseUri('nonsense')).toThrow(
      new Error(`DATABASE_URI "nonsense" is not supported. ${ACCEPTED_FORMS}`),
    )
  })

  it('should reject a mongodb URI without a host', () => {
    expect(() => parseDatabaseUri('mongodb://')).toThrow(
      new Error(`DATABASE_URI "mongodb://" is not supported. ${ACCEPTED_FORMS}`),
    )
  })

  it('should redact credentials from the error message', () => {
    let message = ''
    try {
      parseDatabaseUri('postgres://user:secret@host:5432/db')
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe(
      `DATABASE_URI "postgres://***@host:5432/db" is not supported. ${ACCEPTED_FORMS}`,
    )
    expect(message).not.toContain('secret')
    expect(message).not.toContain('user')
  })

  it('should redact a password that contains "@" and keep the host after the last "@"', () => {
    const message = errorMessage('postgres://user:p@ss@host/db')
    expect(message).toBe(
      `DATABASE_URI "postgres://***@host/db" is not supported. ${ACCEPTED_FORMS}`,
    )
    expect(message).not.toContain('p@ss')
    expect(message).not.toContain('ss@host')
    expect(message).not.toContain('user')
  })

  it('should redact a password that contains "/"', () => {
    const message = errorMessage('postgres://user:se/cret@host/db')
    expect(message).toBe(
      `DATABASE_URI "postgres://***@host/db" is not supported. ${ACCEPTED_FORMS}`,
    )
    expect(message).not.toContain('se/cret')
    expect(message).not.toContain('cret')
    expect(message).not.toContain('user')
  })

  it('should redact a password that contains both "@" and "/", keeping port and database', () => {
    const message = errorMessage('postgres://admin:a/b@c/d@db.example.net:5432/cdm')
    expect(message).toBe(
      `DATABASE_URI "postgres://***@db.example.net:5432/cdm" is not supported. ${ACCEPTED_FORMS}`,
    )
    expect(message).not.toContain('a/b@c/d')
    expect(message).not.toContain('admin')
  })

  it('should redact the credentials of a URI surrounded by whitespace', () => {
    expect(errorMessage('  mysql://root:p@ss@localhost/db \n')).toBe(
      `DATABASE_URI "mysql://***@localhost/db" is not supported. ${ACCEPTED_FORMS}`,
    )
  })
})
