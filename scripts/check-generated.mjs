// Fails when committed generated files lag behind the config: payload-types.ts, the import map
// and the SQLite migrations (production runs only committed migrations).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = process.cwd()
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-generated-'))
const payloadBin = path.join(root, 'node_modules', '.bin', 'payload')
const env = {
  ...process.env,
  NODE_ENV: 'development',
  NODE_OPTIONS: '--no-deprecation',
  DATABASE_URI: `file:${path.join(tmp, 'schema-check.db')}`,
  DATA_DIR: tmp,
}
/** Runs the Payload CLI; returns everything it printed (stdout and stderr). */
function run(args, extraEnv = {}) {
  const result = spawnSync(payloadBin, args, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`\`payload ${args.join(' ')}\` failed:\n${result.stdout}${result.stderr}`)
  }
  return `${result.stdout}${result.stderr}`
}

// On Node 20 the Payload CLI sometimes exits 0 without doing anything (the ESM loader abandons
// importing @payloadcms/richtext-lexical; payloadcms/payload#17757), so each step is retried
// until its effect is visible.
const ATTEMPTS = 5
function runUntil(args, done, extraEnv = {}) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    if (done(run(args, extraEnv))) return
  }
  throw new Error(`\`payload ${args.join(' ')}\` did nothing in ${ATTEMPTS} attempts`)
}

const problems = []
try {
  const typesFile = path.join(tmp, 'payload-types.ts')
  runUntil(['generate:types'], () => fs.existsSync(typesFile), { PAYLOAD_TYPES_OUTPUT: typesFile })
  const committed = fs.readFileSync(path.join(root, 'src/payload-types.ts'), 'utf8')
  if (fs.readFileSync(typesFile, 'utf8') !== committed) {
    problems.push('src/payload-types.ts is stale: run `npm run generate:types` and commit it.')
  }

  // The CLI writes the import map only when it changed, so it is regenerated from nothing.
  const importMapFile = path.join(root, 'src/app/(payload)/admin/importMap.js')
  const importMapBefore = fs.readFileSync(importMapFile, 'utf8')
  fs.rmSync(importMapFile)
  try {
    runUntil(['generate:importmap'], () => fs.existsSync(importMapFile))
  } finally {
    if (!fs.existsSync(importMapFile)) fs.writeFileSync(importMapFile, importMapBefore)
  }
  if (fs.readFileSync(importMapFile, 'utf8') !== importMapBefore) {
    problems.push('src/app/(payload)/admin/importMap.js was stale (now regenerated): commit it.')
  }

  const migrationDir = path.join(root, 'src/migrations')
  const before = new Set(fs.readdirSync(migrationDir))
  const indexBefore = fs.readFileSync(path.join(migrationDir, 'index.ts'), 'utf8')
  // --force-accept-warning avoids prompts; it also writes a blank migration when nothing
  // changed, so a migration only counts when it contains SQL.
  const newFiles = () => fs.readdirSync(migrationDir).filter((f) => !before.has(f))
  runUntil(
    ['migrate:create', 'schema-check', '--skip-empty', '--force-accept-warning'],
    () => newFiles().length > 0,
  )
  const added = newFiles()
  const changesSchema = added
    .filter((f) => f.endsWith('.ts'))
    .some((f) => /db\.run\(/.test(fs.readFileSync(path.join(migrationDir, f), 'utf8')))
  for (const file of added) fs.rmSync(path.join(migrationDir, file))
  fs.writeFileSync(path.join(migrationDir, 'index.ts'), indexBefore)
  if (changesSchema) {
    problems.push(
      'The collections changed without a migration: run `npm run migrate:create -- <name>` and commit it (production SQLite only runs committed migrations).',
    )
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}

if (problems.length > 0) {
  console.error(problems.map((p) => `✗ ${p}`).join('\n'))
  process.exit(1)
}
console.log('✓ generated types, import map and migrations are current')
