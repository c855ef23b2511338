// `npm test`: every check CI runs, in order, with one summary line at the end.
// Stages: types, lint + format, generated files, unit, integration (SQLite; then the MongoDB
// adapter against TEST_MONGODB_URI, or else against a FerretDB this script starts when its
// binary was built), browser + HTTP tests against a production build (when Chromium is
// installed). All stages run even after a failure, so one run shows everything that is wrong.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ferretdbBinary, startFerretdb } from './test-servers/ferretdb.mjs'
import { addStage, emptyTotals } from './test-totals.mjs'

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-test-report-'))
let totals = emptyTotals()
const stages = []

function stage(name, command, args, { env = {}, vitestReport } = {}) {
  console.log(`\n━━ ${name} ━━`)
  const started = Date.now()
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const ok = result.status === 0
  totals = addStage(totals, { ok, report: vitestReport ? readReport(vitestReport) : undefined })
  stages.push({ name, ok, seconds })
  return ok
}

function vitest(project, extraEnv = {}, label = project) {
  const report = path.join(reportDir, `${label}.json`)
  return stage(
    `${label} tests`,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { env: extraEnv, vitestReport: report },
  )
}

function readReport(reportFile) {
  return fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : null
}

/** A fresh database per run, so MongoDB runs start as empty as the SQLite ones. */
function mongoUriForRun(uri) {
  const url = new URL(uri)
  url.pathname = `/cdm-studio-test-${Date.now().toString(36)}`
  return url.toString()
}

stage('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit'])
stage('lint (ESLint)', 'npx', ['eslint', '.'])
stage('formatting (Prettier)', 'npx', ['prettier', '--check', '.'])
stage('generated files are current', 'node', ['scripts/check-generated.mjs'])
vitest('unit')
vitest('int', {}, 'integration (SQLite)')
// Payload regenerates its types on start; with MongoDB's text ids they differ from the committed
// SQLite ones, so a MongoDB run writes them to a file that is thrown away.
const mongoEnv = (uri) => ({
  TEST_DATABASE_URI: mongoUriForRun(uri),
  PAYLOAD_TYPES_OUTPUT: path.join(reportDir, 'payload-types.mongodb.ts'),
})
if (process.env.TEST_MONGODB_URI) {
  vitest('int', mongoEnv(process.env.TEST_MONGODB_URI), 'integration (MongoDB)')
} else if (fs.existsSync(ferretdbBinary())) {
  console.log(
    `\nIntegration run against MongoDB's protocol: TEST_MONGODB_URI is not set, so starting FerretDB (${ferretdbBinary()}) with its SQLite backend.`,
  )
  try {
    const ferretdb = await startFerretdb()
    try {
      vitest(
        'int',
        { ...mongoEnv(ferretdb.uri), DATABASE_COMPAT: 'ferretdb' },
        'integration (FerretDB)',
      )
    } finally {
      ferretdb.stop()
    }
  } catch (error) {
    console.error(String(error))
    stages.push({ name: 'integration (FerretDB): the server did not start', ok: false, seconds: 0 })
  }
} else {
  console.log(
    '\nIntegration run against MongoDB SKIPPED: TEST_MONGODB_URI is not set (e.g. TEST_MONGODB_URI=mongodb://127.0.0.1:27017), and FerretDB is not built (`node scripts/test-servers/ferretdb.mjs build`, which needs Go).',
  )
}
const e2eReport = path.join(reportDir, 'e2e.json')
stage(
  'browser and HTTP tests (production build)',
  'node',
  ['scripts/e2e.mjs', '--reporter=default', '--reporter=json', `--outputFile.json=${e2eReport}`],
  { vitestReport: e2eReport },
)

fs.rmSync(reportDir, { recursive: true, force: true })
console.log('\n━━ summary ━━')
for (const s of stages) console.log(`${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds}s)`)
const failedStages = stages.filter((s) => !s.ok).length
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedStages === 0 && totals.failed === 0 ? 0 : 1)
