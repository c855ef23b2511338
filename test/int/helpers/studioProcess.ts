import { spawn, type ChildProcess } from 'node:child_process'

import { payloadNodeOptions } from '../../../scripts/payload-cli.mjs'

export interface StudioProcess {
  child: ChildProcess
  /** Every line the process printed on stdout and stderr so far. */
  lines: string[]
  /** Resolves with the first line (already printed or to come) that matches. */
  waitForLine: (match: RegExp, timeoutMs?: number) => Promise<string>
  send: (line: string) => void
  /** Whether the process, or any process of its group, is still running. */
  isAlive: () => boolean
  /** SIGKILLs the whole process group (the process and every ffmpeg it started). */
  killGroup: () => Promise<void>
  /** Sends `signal` to the process alone and resolves with how long it took to exit. */
  signal: (signal: NodeJS.Signals, timeoutMs: number) => Promise<number>
}

/**
 * Starts a studio process in its own process group and waits until it prints `readyLine`. It
 * loads the Payload config with payloadNodeOptions(), which ends Node 20's silent exits while
 * importing it (scripts/payload-cli.mjs), so a process that exits first is a failure, reported
 * with its output, and is not started again.
 */
export async function startStudioProcess(
  args: string[],
  { env = {}, readyLine = /^READY$/, timeoutMs = 240_000 } = {} as {
    env?: Record<string, string>
    readyLine?: RegExp
    timeoutMs?: number
  },
): Promise<StudioProcess> {
  const started = launch(args, env)
  try {
    await started.waitForLine(readyLine, timeoutMs)
    return started
  } catch (error) {
    await started.killGroup()
    throw error
  }
}

function launch(args: string[], env: Record<string, string>): StudioProcess {
  const child = spawn(process.execPath, args, {
    detached: true,
    env: { ...process.env, ...env, NODE_OPTIONS: payloadNodeOptions({ ...process.env, ...env }) },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters = new Set<() => void>()
  const collect = (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean))
    for (const wake of waiters) wake()
  }
  let partial = { out: '', err: '' }
  const splitter = (key: 'out' | 'err') => (chunk: string) => {
    const text = partial[key] + chunk
    const end = text.lastIndexOf('\n')
    partial = { ...partial, [key]: text.slice(end + 1) }
    if (end >= 0) collect(text.slice(0, end + 1))
  }
  child.stdout!.setEncoding('utf8').on('data', splitter('out'))
  child.stderr!.setEncoding('utf8').on('data', splitter('err'))
  child.stdin!.on('error', () => undefined)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  exited.then(() => waiters.forEach((wake) => wake()))

  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0)
      return true
    } catch {
      return false
    }
  }
  const waitForGroupExit = async (timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs
    while (groupAlive() && Date.now() < deadline) await sleep(50)
  }

  return {
    child,
    lines,
    waitForLine: (match, timeoutMs = 240_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find((line) => match.test(line))
          if (found) return done(() => resolve(found))
          if (child.exitCode !== null || child.signalCode !== null)
            return done(() =>
              reject(new Error(`process exited before printing ${match}:\n${tail(lines)}`)),
            )
        }
        const timer = setTimeout(
          () =>
            done(() => reject(new Error(`no line ${match} in ${timeoutMs} ms:\n${tail(lines)}`))),
          timeoutMs,
        )
        const done = (settle: () => void) => {
          clearTimeout(timer)
          waiters.delete(check)
          settle()
        }
        waiters.add(check)
        check()
      }),
    send: (line) => child.stdin!.write(`${line}\n`),
    isAlive: groupAlive,
    killGroup: async () => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
      await exited
      await waitForGroupExit(5_000)
    },
    signal: async (signal, timeoutMs) => {
      const started = Date.now()
      child.kill(signal)
      await Promise.race([exited, sleep(timeoutMs)])
      await waitForGroupExit(Math.max(0, timeoutMs - (Date.now() - started)))
      return Date.now() - started
    },
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const tail = (lines: string[]) => lines.slice(-40).join('\n')
