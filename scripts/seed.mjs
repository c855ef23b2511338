// `npm run seed`: runs seed/run.ts through `payload run`. Success is judged by the seed's own
// last line as well as the exit code, so a run that ends early can never pass for a seed.
import { runPayloadSync } from './payload-cli.mjs'

const FINISHED = 'Demo seed finished.'

const result = runPayloadSync(['run', 'seed/run.ts'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
})
process.stdout.write(result.stdout ?? '')
if (result.status !== 0) process.exit(result.status ?? 1)
if (!result.stdout?.includes(FINISHED)) {
  console.error('The seed stopped before it finished; see the output above.')
  process.exit(1)
}
