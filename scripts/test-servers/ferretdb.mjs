// FerretDB, a MongoDB wire-protocol server on SQLite, for running the tests against the MongoDB
// adapter. `node scripts/test-servers/ferretdb.mjs build` builds the binary into a cache folder
// outside the repo when it is missing (CI calls it); `startFerretdb()` runs one for a test run.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { freePort } from '../free-port.mjs'

const MODULE = 'github.com/FerretDB/FerretDB'
const VERSION = 'v1.24.2'

/** Built servers are kept here between runs: CDM_TEST_SERVERS_BIN, else ~/.cache/…/bin. */
export function serversBinDir(env = process.env) {
  return env.CDM_TEST_SERVERS_BIN || path.join(os.homedir(), '.cache', 'cdm-test-servers', 'bin')
}

/** The version is in the name, so moving to another one builds it instead of reusing a stale one. */
export function ferretdbBinary(env = process.env) {
  return path.join(serversBinDir(env), `ferretdb-${VERSION}`)
}

const hasGo = () => spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0

/**
 * Builds FerretDB unless the cache has it; returns the binary's path, or null when Go is missing.
 * `go install …/cmd/ferretdb@v1.24.2` builds a binary that panics at start: the module zip lacks
 * build/version/version.txt, which FerretDB's release build generates from git. So this copies
 * the downloaded module, writes the file, and builds from the copy.
 */
export function buildFerretdb({ log = console.log, env = process.env } = {}) {
  const binary = ferretdbBinary(env)
  if (fs.existsSync(binary)) return binary
  if (!hasGo()) {
    log(`FerretDB build SKIPPED: Go is not installed (needed once to build ${binary}).`)
    return null
  }
  log(`Building FerretDB ${VERSION} into ${binary} (once; later runs reuse it)…`)
  const download = spawnSync('go', ['mod', 'download', '-json', `${MODULE}@${VERSION}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (download.status !== 0) throw new Error(`go mod download ${MODULE}@${VERSION} failed`)
  const moduleDir = JSON.parse(download.stdout).Dir
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-ferretdb-build-'))
  try {
    const source = path.join(work, 'src')
    // The module cache is read-only; the copy must not be, or version.txt cannot be written.
    fs.cpSync(moduleDir, source, { recursive: true })
    spawnSync('chmod', ['-R', 'u+w', source], { stdio: 'inherit' })
    fs.writeFileSync(path.join(source, 'build', 'version', 'version.txt'), `${VERSION}\n`)
    const built = path.join(work, 'ferretdb')
    const build = spawnSync('go', ['build', '-o', built, './cmd/ferretdb'], {
      cwd: source,
      stdio: 'inherit',
      env: { ...env, CGO_ENABLED: '0' },
    })
    if (build.status !== 0) throw new Error(`go build ${MODULE}/cmd/ferretdb failed`)
    fs.mkdirSync(path.dirname(binary), { recursive: true })
    // Copied beside the target, then renamed: a run that stops halfway leaves no broken binary.
    const partial = `${binary}.partial-${process.pid}`
    fs.copyFileSync(built, partial)
    fs.chmodSync(partial, 0o755)
    fs.renameSync(partial, binary)
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  return binary
}

function acceptsConnections(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Starts FerretDB on a free loopback port with its SQLite backend in a fresh temp folder, and
 * resolves once it accepts connections. `stop()` (also run when this process exits) kills it
 * and removes the folder.
 */
export async function startFerretdb({ binary = ferretdbBinary(), timeoutMs = 30_000 } = {}) {
  const port = await freePort()
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-ferretdb-'))
  const logFile = path.join(stateDir, 'ferretdb.log')
  const logFd = fs.openSync(logFile, 'a')
  const server = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${stateDir}/`,
      `--state-dir=${stateDir}`,
      `--listen-addr=127.0.0.1:${port}`,
      '--telemetry=disable',
      '--debug-addr=-',
      '--log-level=warn',
    ],
    { stdio: ['ignore', logFd, logFd] },
  )
  fs.closeSync(logFd)
  let exited = null
  server.once('exit', (code, signal) => (exited = signal ?? code))
  const stop = () => {
    process.off('exit', stop)
    if (exited === null) server.kill('SIGKILL')
    fs.rmSync(stateDir, { recursive: true, force: true })
  }
  process.on('exit', stop)

  const deadline = Date.now() + timeoutMs
  while (!(await acceptsConnections(port))) {
    if (exited !== null || Date.now() > deadline) {
      const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : ''
      stop()
      throw new Error(
        `FerretDB did not start (${exited !== null ? `exited: ${exited}` : 'timed out'}):\n${output}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { uri: `mongodb://127.0.0.1:${port}`, stop }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command] = process.argv.slice(2)
  if (command !== 'build') {
    console.error('Usage: node scripts/test-servers/ferretdb.mjs build')
    process.exit(2)
  }
  const started = Date.now()
  const binary = buildFerretdb()
  if (binary)
    console.log(`FerretDB ready: ${binary} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}
