// Fails when committed generated files lag behind their sources: payload-types.ts, the import
// map and the SQLite migrations (production runs only committed migrations) behind the config,
// and the delivery client apps copy (src/delivery-client/dist) behind its TypeScript.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { staleDeliveryClientFiles } from './build-delivery-client.mjs'
import { runPayloadSync } from './payload-cli.mjs'

const root = process.cwd()
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdm-generated-'))
const env = {
  NODE_ENV: 'development',
  DATABASE_URI: `file:${path.join(tmp, 'schema-check.db')}`,
  DATA_DIR: tmp,
}
/**
 * Runs one Payload CLI step and checks that its effect is visible: a step that exits 0 having
 * done nothing fails the check instead of passing it (see scripts/payload-cli.mjs for why that
 * used to happen on Node 20).
 */
function runStep(args, done, extraEnv = {}) {
  const result = runPayloadSync(args, {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  const output = `${result.stdout}${result.stderr}`
  if (result.status !== 0) throw new Error(`\`payload ${args.join(' ')}\` failed:\n${output}`)
  if (!done()) {
    throw new Error(`\`payload ${args.join(' ')}\` exited 0 without doing its work:\n${output}`)
  }
}

const problems = []
try {
  const staleClient = await staleDeliveryClientFiles()
  if (staleClient.length > 0) {
    problems.push(
      `The built delivery client lags behind src/delivery-client (${staleClient.join('; ')}): run \`npm run build:delivery-client\` and commit src/delivery-client/dist.`,
    )
  }

  const typesFile = path.join(tmp, 'payload-types.ts')
  runStep(['generate:types'], () => fs.existsSync(typesFile), { PAYLOAD_TYPES_OUTPUT: typesFile })
  const committed = fs.readFileSync(path.join(root, 'src/payload-types.ts'), 'utf8')
  if (fs.readFileSync(typesFile, 'utf8') !== committed) {
    problems.push('src/payload-types.ts is stale: run `npm run generate:types` and commit it.')
  }

  // The CLI writes the import map only when it changed, so it is regenerated from nothing.
  const importMapFile = path.join(root, 'src/app/(payload)/admin/importMap.js')
  const importMapBefore = fs.readFileSync(importMapFile, 'utf8')
  fs.rmSync(importMapFile)
  try {
    runStep(['generate:importmap'], () => fs.existsSync(importMapFile))
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
  runStep(
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
console.log('✓ generated types, import map, migrations and the built delivery client are current')
