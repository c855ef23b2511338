// `npm run delivery`: the delivery tier on its own (scripts/delivery-runner.ts), for running
// several behind a load balancer beside the studio. The same environment as the studio
// (DATABASE_URI, PAYLOAD_SECRET, the media folder or bucket), plus DELIVERY_PORT (3001) and
// DELIVERY_HOST (0.0.0.0). Signals are passed on; its exit code is this one's.
import { spawn } from 'node:child_process'

import { payloadNodeOptions } from './payload-cli.mjs'

process.env.NODE_ENV ??= 'production'
const runner = spawn(process.execPath, ['--import', 'tsx', 'scripts/delivery-runner.ts'], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, NODE_OPTIONS: payloadNodeOptions() },
})
runner.on('message', (message) => process.send?.(message))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => runner.kill(signal))
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
