// The one way this repository starts a Node process that loads the Payload config (the Payload
// CLI, the seed, the worker, test workers).
//
// Why the `--conditions` flag: lexical's packages resolve, under Node's default `node` export
// condition, to `*.node.mjs` entry points that pick their dev or prod build with a top-level
// `await import(...)`. @payloadcms/richtext-lexical pulls in a dozen of them, and on Node 20 the
// evaluation of that graph of async modules sometimes never settles: the process then exits
// with nothing done (exit 13 for a top-level await, 0 under the Payload CLI, whose start-up is
// `void start()`). `node -e "await import('@payloadcms/richtext-lexical')"` did so 14 times in
// 15 here; with `--conditions=development` 0 in 15, and the CLI 0 in 12 (5 in 12 before).
// Naming the build's condition resolves straight to `Lexical.dev.mjs` / `Lexical.prod.mjs`,
// which have no top-level await. Node 22 does not need it.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const payloadBin = path.join(root, 'node_modules', 'payload', 'bin.js')

/** NODE_OPTIONS for any process that imports the Payload config. */
export function payloadNodeOptions(env = process.env) {
  const condition = env.NODE_ENV === 'production' ? 'production' : 'development'
  const inherited = (env.NODE_OPTIONS ?? '')
    .split(/\s+/)
    .filter((option) => option && !option.startsWith('--conditions'))
  return [...new Set(['--no-deprecation', ...inherited, `--conditions=${condition}`])].join(' ')
}

function cliEnv(env) {
  const merged = { ...process.env, ...env }
  return { ...merged, NODE_OPTIONS: payloadNodeOptions(merged) }
}

/** Runs `payload <args>` to completion. */
export function runPayloadSync(args, { env = {}, ...options } = {}) {
  return spawnSync(process.execPath, [payloadBin, ...args], { ...options, env: cliEnv(env) })
}

/** Starts `payload <args>` and returns the child process. */
export function spawnPayload(args, { env = {}, ...options } = {}) {
  return spawn(process.execPath, [payloadBin, ...args], { ...options, env: cliEnv(env) })
}

// `node scripts/payload-cli.mjs <args>`: the package.json scripts' `payload`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = runPayloadSync(process.argv.slice(2), { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
