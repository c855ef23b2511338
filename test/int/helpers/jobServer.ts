// Stands in for `next start` with MEDIA_JOBS_AUTORUN=1 in the stop tests: Payload initialised
// with its cron, as the Next routes ask for it (getPayload({ cron: true })), so media jobs run
// in this process every 5 s; and a SIGTERM handler like Next's own, which closes the HTTP
// server and then calls process.exit(143). "READY" says the config loaded (see
// studioProcess.ts for why that can fail on Node 20).
import { getPayload } from 'payload'

import config from '../../../payload.config'

process.on('SIGTERM', () => setTimeout(() => process.exit(143), 50))

const loaded = await config
await getPayload({
  config: { ...loaded, typescript: { ...loaded.typescript, autoGenerate: false } },
  cron: true,
})
process.stdout.write('READY\n')
setInterval(() => undefined, 60_000)
