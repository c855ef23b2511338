import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { payloadNodeOptions } from '../../../scripts/payload-cli.mjs'

/** The account bench/helpers/uploadServer.ts creates, and the uploads sign in as. */
export const UPLOADER = { email: 'uploader@bench.example', password: 'bench-uploader-password' }

/**
 * Starts the server process, with payloadNodeOptions() like every process that loads the config
 * (on Node 20 it would otherwise sometimes exit silently while importing it; see
 * scripts/payload-cli.mjs). Returned at once so the caller can kill it even if it never starts.
 */
export function spawnUploadServer(): ChildProcess {
  const env = {
    ...process.env,
    BENCH_UPLOADER_EMAIL: UPLOADER.email,
    BENCH_UPLOADER_PASSWORD: UPLOADER.password,
  }
  return spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', path.resolve('bench/helpers/uploadServer.ts')],
    {
      env: { ...env, NODE_OPTIONS: payloadNodeOptions(env) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
}

/** The server's URL once it prints "READY <port>". An exit before that fails the benchmark. */
export async function uploadServerUrl(server: ChildProcess): Promise<string> {
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('upload server never started')), 120_000)
    let out = ''
    server.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const ready = /READY (\d+)/.exec(out)
      if (ready) {
        clearTimeout(timer)
        resolve(ready[1])
      }
    })
    server.on('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`upload server exited (${signal ?? code}) before READY:\n${out}`))
    })
  })
  return `http://127.0.0.1:${port}`
}
