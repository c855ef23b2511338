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
 * Starts a long-running TypeScript process and waits for the line starting with `marker`. Any
 * exit before it fails with the process's output: the process loads the Payload config with
 * payloadNodeOptions(), which ends Node 20's silent exits while importing it (see
 * scripts/payload-cli.mjs), so an early exit is a real failure and is not retried.
 */
export async function startUntil(
  script: string,
  env: NodeJS.ProcessEnv,
  marker: string,
  timeoutMs = 120_000,
): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...env, NODE_OPTIONS: payloadNodeOptions(env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(`${script} printed no "${marker}" in ${timeoutMs} ms:\n${stdout}\n${stderr}`),
      )
    }, timeoutMs)
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const found = stdout.split('\n').find((l) => l.startsWith(marker))
      if (found) {
        clearTimeout(timer)
        resolve(found)
      }
    })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      reject(
        new Error(`${script} exited (${signal ?? code}) before "${marker}":\n${stdout}\n${stderr}`),
      )
    })
  })
  return { child, line }
}

export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}
