import { spawn, type ChildProcess } from 'node:child_process'
import { payloadNodeOptions } from '../../../scripts/payload-cli.mjs'

export interface Finished {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command to the end, collecting its output. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * Starts a long-running TypeScript process and waits for the line starting with `marker`. A
 * process that exits first without printing anything on stderr is started again (the Node 20
 * config-import problem, see buildWorker.ts); any other early exit fails with its output.
 */
export async function startUntil(
  script: string,
  env: NodeJS.ProcessEnv,
  marker: string,
  timeoutMs = 120_000,
): Promise<{ child: ChildProcess; line: string }> {
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...env, NODE_OPTIONS: payloadNodeOptions(env) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    const outcome = await new Promise<string | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(
          new Error(`${script} printed no "${marker}" in ${timeoutMs} ms:\n${stdout}\n${stderr}`),
        )
      }, timeoutMs)
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        const line = stdout.split('\n').find((l) => l.startsWith(marker))
        if (line) {
          clearTimeout(timer)
          resolve(line)
        }
      })
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.on('exit', (code) => {
        clearTimeout(timer)
        if (stderr.trim() === '' && attempt < 5) return resolve(null)
        reject(new Error(`${script} exited (${code}) before "${marker}":\n${stdout}\n${stderr}`))
      })
    })
    if (outcome) return { child, line: outcome }
  }
}

export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}
