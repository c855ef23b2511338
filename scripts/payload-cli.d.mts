import type {
  ChildProcess,
  SpawnOptions,
  SpawnSyncOptions,
  SpawnSyncReturns,
} from 'node:child_process'

export const payloadBin: string
export function payloadNodeOptions(env?: NodeJS.ProcessEnv): string
export function runPayloadSync(
  args: string[],
  options?: SpawnSyncOptions & { env?: NodeJS.ProcessEnv },
): SpawnSyncReturns<string | Buffer>
export function spawnPayload(
  args: string[],
  options?: SpawnOptions & { env?: NodeJS.ProcessEnv },
): ChildProcess
