import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const DEV_SECRET_FILE = '.payload-secret'

/**
 * PAYLOAD_SECRET signs sessions and API keys. Production must bring its own; development
 * generates one on first start and keeps it under data/ so logins survive restarts.
 */
export function resolvePayloadSecret(options: {
  nodeEnv: string | undefined
  secret: string | undefined
  dataDir: string
  /** `next build` evaluates the config but serves nothing, so it needs no real secret. */
  isBuildPhase?: boolean
}): string {
  const configured = options.secret?.trim()
  if (configured) return configured
  if (options.isBuildPhase) return 'build-phase-placeholder-never-signs-anything'
  if (options.nodeEnv === 'production') {
    throw new Error(
      'PAYLOAD_SECRET is required when NODE_ENV=production. Set it to a long random string, e.g. the output of `openssl rand -hex 32`.',
    )
  }
  const file = path.join(options.dataDir, DEV_SECRET_FILE)
  try {
    const existing = fs.readFileSync(file, 'utf8').trim()
    if (existing) return existing
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  fs.mkdirSync(options.dataDir, { recursive: true })
  const generated = randomBytes(32).toString('hex')
  try {
    // 'wx' so two processes starting together agree on the first secret written.
    fs.writeFileSync(file, generated + '\n', { mode: 0o600, flag: 'wx' })
    return generated
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const existing = fs.readFileSync(file, 'utf8').trim()
  if (existing) return existing
  // An empty file (e.g. a crash between create and write) must not become an empty secret.
  fs.writeFileSync(file, generated + '\n', { mode: 0o600 })
  fs.chmodSync(file, 0o600)
  return generated
}
