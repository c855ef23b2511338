// `npm run seed`: runs seed/run.ts through `payload run`. On Node 20 the ESM loader sometimes
// abandons importing @payloadcms/richtext-lexical and the process exits 0 having done nothing
// (plain `node` too, not only the CLI's tsx; payloadcms/payload#17757), so success is judged by
// the seed's own last line, and the (idempotent) seed is retried.
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
