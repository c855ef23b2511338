// `npm run seed`: runs seed/run.ts through `payload run`. On Node 20 the CLI's TypeScript loader
// (tsx) sometimes stops while loading the module graph and exits 0 having done nothing, so
// success is judged by the seed's own last line, and the (idempotent) seed is retried.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const FINISHED = 'Demo seed finished.'
const ATTEMPTS = 4
const payloadBin = path.resolve('node_modules/payload/bin.js')

for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
  const result = spawnSync(process.execPath, [payloadBin, 'run', 'seed/run.ts'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation' },
  })
  process.stdout.write(result.stdout ?? '')
  if (result.status !== 0) process.exit(result.status ?? 1)
  if (result.stdout?.includes(FINISHED)) process.exit(0)
  console.error(`The seed did not run to the end (attempt ${attempt} of ${ATTEMPTS}); retrying.`)
}
console.error('The seed did not complete; see the output above.')
process.exit(1)
