import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { DEV_SECRET_FILE, resolvePayloadSecret } from '../../src/lib/config/secret'

let tempDir: string

beforeEach(() => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-secret-test-'))
})

afterEach(() => {
  fs.rmSync(tempDir, { recursive: true, force: true })
})

const secretFile = () => path.join(tempDir, DEV_SECRET_FILE)

describe('resolvePayloadSecret', () => {
  it('should keep the development secret in .payload-secret', () => {
    expect(DEV_SECRET_FILE).toBe('.payload-secret')
  })

  it('should throw in production without a secret and name PAYLOAD_SECRET', () => {
    expect(() =>
      resolvePayloadSecret({ nodeEnv: 'production', secret: undefined, dataDir: tempDir }),
    ).toThrow(
      new Error(
        'PAYLOAD_SECRET is required when NODE_ENV=production. Set it to a long random string, e.g. the output of `openssl rand -hex 32`.',
      ),
    )
    expect(fs.existsSync(secretFile())).toBe(false)
  })

  it('should throw in production when the secret is blank', () => {
    expect(() =>
      resolvePayloadSecret({ nodeEnv: 'production', secret: '  \n', dataDir: tempDir }),
    ).toThrow('PAYLOAD_SECRET is required when NODE_ENV=production.')
  })

  it('should not fall back to a development secret file in production', () => {
    fs.writeFileSync(secretFile(), 'dev-secret-on-disk\n')
    expect(() =>
      resolvePayloadSecret({ nodeEnv: 'production', secret: undefined, dataDir: tempDir }),
    ).toThrow('PAYLOAD_SECRET')
  })

  it.each(['production', 'development', 'test', undefined])(
    'should use the configured secret (NODE_ENV=%s) without touching the disk',
    (nodeEnv) => {
      expect(resolvePayloadSecret({ nodeEnv, secret: 'configured-secret', dataDir: tempDir })).toBe(
        'configured-secret',
      )
      expect(fs.existsSync(secretFile())).toBe(false)
    },
  )

  it('should prefer the configured secret over a stored one and trim it', () => {
    fs.writeFileSync(secretFile(), 'stored-secret\n')
    expect(
      resolvePayloadSecret({ nodeEnv: 'development', secret: '  configured \n', dataDir: tempDir }),
    ).toBe('configured')
  })

  it('should generate a 64-hex secret in development and store it with mode 0600', () => {
    const secret = resolvePayloadSecret({
      nodeEnv: 'development',
      secret: undefined,
      dataDir: tempDir,
    })
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe(`${secret}\n`)
    expect(fs.statSync(secretFile()).mode & 0o777).toBe(0o600)
  })

  it('should return the same secret on the second call', () => {
    const options = { nodeEnv: 'development', secret: undefined, dataDir: tempDir }
    const first = resolvePayloadSecret(options)
    const second = resolvePayloadSecret(options)
    expect(second).toBe(first)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
  })

  it('should generate different secrets for different data directories', () => {
    const first = resolvePayloadSecret({
      nodeEnv: 'development',
      secret: undefined,
      dataDir: path.join(tempDir, 'one'),
    })
    const second = resolvePayloadSecret({
      nodeEnv: 'development',
      secret: undefined,
      dataDir: path.join(tempDir, 'two'),
    })
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toMatch(/^[0-9a-f]{64}$/)
    expect(second).not.toBe(first)
  })

  it('should treat a blank configured secret as unset in development', () => {
    const secret = resolvePayloadSecret({ nodeEnv: 'development', secret: '   ', dataDir: tempDir })
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe(`${secret}\n`)
  })

  it.each(['test', undefined])('should generate a secret when NODE_ENV is %s', (nodeEnv) => {
    const secret = resolvePayloadSecret({ nodeEnv, secret: undefined, dataDir: tempDir })
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe(`${secret}\n`)
  })

  it('should reuse a secret already stored on disk, trimmed', () => {
    fs.writeFileSync(secretFile(), '  stored-secret \n')
    expect(
      resolvePayloadSecret({ nodeEnv: 'development', secret: undefined, dataDir: tempDir }),
    ).toBe('stored-secret')
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe('  stored-secret \n')
  })

  it.each(['', '\n', '   ', ' \t\r\n '])(
    'should replace an existing but blank .payload-secret (%j) with a new 64-hex secret',
    (content) => {
      fs.writeFileSync(secretFile(), content)
      const secret = resolvePayloadSecret({
        nodeEnv: 'development',
        secret: undefined,
        dataDir: tempDir,
      })
      expect(secret).toMatch(/^[0-9a-f]{64}$/)
      expect(fs.readFileSync(secretFile(), 'utf8')).toBe(`${secret}\n`)
    },
  )

  it('should return the replacement for an empty .payload-secret on the next calls', () => {
    fs.writeFileSync(secretFile(), '')
    const options = { nodeEnv: 'development', secret: undefined, dataDir: tempDir }
    const first = resolvePayloadSecret(options)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(resolvePayloadSecret(options)).toBe(first)
    expect(resolvePayloadSecret(options)).toBe(first)
    expect(fs.readFileSync(secretFile(), 'utf8')).toBe(`${first}\n`)
  })

  it('should never return an empty secret for an empty .payload-secret', () => {
    fs.writeFileSync(secretFile(), '  \n')
    const secret = resolvePayloadSecret({ nodeEnv: 'test', secret: '', dataDir: tempDir })
    expect(secret).not.toBe('')
    expect(secret).toHaveLength(64)
  })

  it('should create a missing data directory', () => {
    const dataDir = path.join(tempDir, 'nested', 'data')
    const secret = resolvePayloadSecret({ nodeEnv: 'development', secret: undefined, dataDir })
    expect(fs.readFileSync(path.join(dataDir, DEV_SECRET_FILE), 'utf8')).toBe(`${secret}\n`)
  })

  it('should return a placeholder during the build phase without a secret, even in production', () => {
    expect(
      resolvePayloadSecret({
        nodeEnv: 'production',
        secret: undefined,
        dataDir: tempDir,
        isBuildPhase: true,
      }),
    ).toBe('build-phase-placeholder-never-signs-anything')
    expect(fs.existsSync(secretFile())).toBe(false)
  })

  it('should prefer the configured secret during the build phase', () => {
    expect(
      resolvePayloadSecret({
        nodeEnv: 'production',
        secret: 'configured-secret',
        dataDir: tempDir,
        isBuildPhase: true,
      }),
    ).toBe('configured-secret')
  })

  it('should still require a secret in production when not building', () => {
    expect(() =>
      resolvePayloadSecret({
        nodeEnv: 'production',
        secret: undefined,
        dataDir: tempDir,
        isBuildPhase: false,
      }),
    ).toThrow('PAYLOAD_SECRET is required when NODE_ENV=production.')
  })

  it('should rethrow read errors other than a missing file', () => {
    fs.mkdirSync(secretFile())
    expect(() =>
      resolvePayloadSecret({ nodeEnv: 'development', secret: undefined, dataDir: tempDir }),
    ).toThrow(expect.objectContaining({ code: 'EISDIR' }))
  })
})
